import { useEffect } from 'react';
import type { Map } from 'maplibre-gl';
import type { PmtilesBasemap } from '@gridwatch/contract';
import { PROTOMAPS_SOURCE, protomapsLayers } from './style/protomaps';

/** Drawn over the built-in land and borders, under the prefectures, water, lines and everything of the API. */
const BELOW_LAYER = 'regions-fill';

/**
 * The deployment's PMTiles basemap (GRIDWATCH_BASEMAP_PMTILES): its vector tiles from the app's own route, drawn
 * with @protomaps/basemaps' style. Roads, towns and land use at the zooms a crew works (z12–z15), where the
 * built-in basemap has only land and a city dot. Without one the built-in basemap is the map, as before.
 */
export function usePmtilesBasemap(map: Map | null, basemap: PmtilesBasemap | null, lang: 'en' | 'zh'): void {
  useEffect(() => {
    if (!map || !basemap) return;
    map.addSource(PROTOMAPS_SOURCE, {
      type: 'vector',
      tiles: [new URL(basemap.tiles, window.location.origin).href.replace(/%7B/g, '{').replace(/%7D/g, '}')],
      minzoom: basemap.minzoom,
      maxzoom: basemap.maxzoom,
      bounds: basemap.bounds as [number, number, number, number],
      attribution: '© OpenStreetMap contributors, Protomaps',
    });
    const added = protomapsLayers(lang);
    for (const layer of added) map.addLayer(layer, map.getLayer(BELOW_LAYER) ? BELOW_LAYER : undefined);
    return () => {
      for (const layer of added) if (map.getLayer(layer.id)) map.removeLayer(layer.id);
      if (map.getSource(PROTOMAPS_SOURCE)) map.removeSource(PROTOMAPS_SOURCE);
    };
  }, [map, basemap, lang]);
}
