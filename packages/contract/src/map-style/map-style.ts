import type {
  FontFacesSpecification,
  LayerSpecification,
  SourceSpecification,
  StyleSpecification,
} from '@maplibre/maplibre-gl-style-spec';
import { analysisLayers } from './analysis';
import { basemapLabelLayers, basemapLayers, outlineLayers } from './basemap';
import { focusLayers } from './focus';
import { lineLayers } from './lines';
import type { MapLayerId } from './map-layers';
import { pylonLayers } from './pylons';
import { regionLayers } from './regions';
import { siteLayers } from './sites';
import { substationLayers } from './substations';
import { Z_ORDER } from './z-order';
import { zoneLayers } from './zones';

/**
 * The whole map as MapLibre style JSON, built from the same layers by the client (client/src/map/style) and by
 * the server for GIS clients (GET /ogc/styles/gridwatch, docs/gis-clients.md). Each side says where the data,
 * the basemap and the fonts are; the layers, their order and their colours are this package's.
 */

/** The style layers of each API layer: a layer toggle shows or hides all of them. */
export const THEMES: Readonly<Record<MapLayerId, readonly LayerSpecification[]>> = {
  regions: regionLayers,
  zones: zoneLayers,
  lines: lineLayers,
  pylons: pylonLayers,
  substations: substationLayers,
  sites: siteLayers,
};

/** The offline basemap's files (geodata/build/basemap), served by the app at /basemap/<file>.geojson. */
export const BASEMAP_FILES = ['countries', 'outline', 'lakes', 'rivers', 'cities'] as const;
export type BasemapFile = (typeof BASEMAP_FILES)[number];
export type BasemapSourceId = `basemap-${BasemapFile}`;

/** Sources the map view fills at run time (the analysis overlays): empty GeoJSON. */
export type OverlaySourceId = 'focus' | 'unexplained';

export type MapStyleSources = Record<MapLayerId | BasemapSourceId | OverlaySourceId, SourceSpecification>;

/** Sorts the layers by Z_ORDER; a layer that is not there (or listed but missing) is a programming error. */
export function orderLayers(layers: readonly LayerSpecification[]): LayerSpecification[] {
  const rank = new Map<string, number>(Z_ORDER.map((id, i) => [id, i]));
  const unknown = layers.filter((l) => !rank.has(l.id)).map((l) => l.id);
  const missing = Z_ORDER.filter((id) => !layers.some((l) => l.id === id));
  if (unknown.length > 0 || missing.length > 0) {
    throw new Error(
      `Z_ORDER out of date: not listed [${unknown.join(', ')}], no such layer [${missing.join(', ')}]`,
    );
  }
  return [...layers].sort((a, b) => (rank.get(a.id) ?? 0) - (rank.get(b.id) ?? 0));
}

/** An empty GeoJSON source, for what is filled at run time (a new one each time: a map may keep what it is given). */
export const emptyGeojson = (): SourceSpecification => ({
  type: 'geojson',
  data: { type: 'FeatureCollection', features: [] },
});

/**
 * A layer on a vector source reads the source layer named after its source (the tiles of /api/tiles and /ogc
 * name theirs after the layer); the client draws some layers from GeoJSON, the server's style from tiles.
 */
function onItsSource(layer: LayerSpecification, sources: MapStyleSources): LayerSpecification {
  if (!('source' in layer) || typeof layer.source !== 'string') return layer;
  const source = sources[layer.source as keyof MapStyleSources];
  if (source?.type !== 'vector' || 'source-layer' in layer) return layer;
  return { ...layer, 'source-layer': layer.source } as LayerSpecification;
}

export interface MapStyleOptions {
  sources: MapStyleSources;
  fontFaces: FontFacesSpecification;
  /** A sprite holding SUBSTATION_ICON; without one, the map view adds the icon at run time. */
  sprite?: string;
}

export function mapStyle({ sources, fontFaces, sprite }: MapStyleOptions): StyleSpecification {
  const layers = orderLayers([
    ...basemapLayers,
    ...outlineLayers,
    ...basemapLabelLayers,
    ...Object.values(THEMES).flat(),
    ...analysisLayers,
    ...focusLayers,
  ]);
  return {
    version: 8,
    name: 'gridwatch',
    state: { lang: { default: 'en' } },
    'font-faces': fontFaces,
    ...(sprite ? { sprite } : {}),
    sources,
    layers: layers.map((l) => onItsSource(l, sources)),
  };
}
