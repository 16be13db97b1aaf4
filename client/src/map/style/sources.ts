import type { SourceSpecification } from 'maplibre-gl';
import { MAP_LAYERS, type MapLayerId } from '../map-layers';

/**
 * The data sources, one per API layer, named after it. They start empty and are filled by the data
 * loader; switching a layer to vector tiles means changing its entry here and in data-loader.ts.
 */
export function dataSources(): Record<MapLayerId, SourceSpecification> {
  const empty = (): SourceSpecification => ({
    type: 'geojson',
    data: { type: 'FeatureCollection', features: [] },
  });
  return Object.fromEntries(MAP_LAYERS.map((layer) => [layer, empty()])) as Record<
    MapLayerId,
    SourceSpecification
  >;
}

const BASEMAP_FILES = ['countries', 'outline', 'lakes', 'rivers', 'cities'] as const;
type BasemapFile = (typeof BASEMAP_FILES)[number];

/** The offline basemap, served by the app at /basemap. */
export function basemapSources(origin: string): Record<`basemap-${BasemapFile}`, SourceSpecification> {
  const entries = BASEMAP_FILES.map((file) => [
    `basemap-${file}`,
    // Absolute, because the worker that fetches it resolves a relative URL against its own script.
    { type: 'geojson', data: new URL(`/basemap/${file}.geojson`, origin).href },
  ]);
  return Object.fromEntries(entries) as Record<`basemap-${BasemapFile}`, SourceSpecification>;
}
