import type { SourceSpecification } from 'maplibre-gl';
import { BASEMAP_FILES, emptyGeojson, type BasemapSourceId } from '@gridwatch/contract';
import { filterSearch, type LayerFilter } from '../../api';
import { MAP_LAYERS, PYLON_MIN_ZOOM, isTiled, type MapLayerId, type TiledLayerId } from '../map-layers';

/**
 * Sites are points from zoom 8 on (clusters below); beyond this zoom the map scales the tiles it has rather
 * than asking for more, since a tile of points holds everything there is at any higher zoom.
 */
const TILE_MAX_ZOOM = 14;

/**
 * The tile URL template of a layer, absolute: MapLibre's worker fetches it and would resolve a relative URL
 * against its own script. The placeholders are appended after URL parsing, which would percent-encode braces.
 * `version` counts the reloads after writes seen by this client: a new `v` makes new URLs, so neither MapLibre's tile cache
 * nor the browser's serves a tile from before the write (the server ignores `v`). `filter` narrows what the
 * tiles hold (the planner's filters); it has no bbox, since each tile is its own box.
 */
export function tileUrl(origin: string, layer: TiledLayerId, version = 0, filter: LayerFilter = {}): string {
  const template = `${new URL(`/api/tiles/${layer}/`, origin).href}{z}/{x}/{y}.mvt`;
  const params = new URLSearchParams(filterSearch(filter));
  if (version > 0) params.set('v', String(version));
  const search = params.toString();
  return search ? `${template}?${search}` : template;
}

function tiledSource(origin: string, layer: TiledLayerId): SourceSpecification {
  return {
    type: 'vector',
    tiles: [tileUrl(origin, layer)],
    minzoom: layer === 'pylons' ? PYLON_MIN_ZOOM : 0,
    maxzoom: TILE_MAX_ZOOM,
  };
}

/**
 * The data sources, one per API layer, named after it: vector tiles for the tiled layers, else GeoJSON that
 * starts empty and is filled by the data loader (data-loader.ts), which also reports the tiles' failures.
 */
export function dataSources(origin: string): Record<MapLayerId, SourceSpecification> {
  const source = (layer: MapLayerId): SourceSpecification =>
    isTiled(layer) ? tiledSource(origin, layer) : emptyGeojson();
  return Object.fromEntries(MAP_LAYERS.map((layer) => [layer, source(layer)])) as Record<
    MapLayerId,
    SourceSpecification
  >;
}

/** The analysis overlay (focus-features.ts), set by the map view. */
export function focusSource(): Record<'focus', SourceSpecification> {
  return { focus: emptyGeojson() };
}

/** The graduated circles of unexplained load (style/analysis.ts), set by the map view. */
export function analysisSources(): Record<'unexplained', SourceSpecification> {
  return { unexplained: emptyGeojson() };
}

/** The offline basemap, served by the app at /basemap. */
export function basemapSources(origin: string): Record<BasemapSourceId, SourceSpecification> {
  const entries = BASEMAP_FILES.map((file) => [
    `basemap-${file}`,
    // Absolute, because the worker that fetches it resolves a relative URL against its own script.
    { type: 'geojson', data: new URL(`/basemap/${file}.geojson`, origin).href },
  ]);
  return Object.fromEntries(entries) as Record<BasemapSourceId, SourceSpecification>;
}
