import { useEffect } from 'react';
import type { Map, MapSourceDataEvent } from 'maplibre-gl';
import type { OnlineBasemap } from '../api';
import type { MapError } from './map-errors';

/** The source and layer of the online basemap; the data loader leaves this source's errors to the hook below. */
export const ONLINE_BASEMAP_SOURCE = 'online-basemap';

/** Drawn over the offline land and borders, under the prefectures, water, lines and everything of the API. */
const BELOW_LAYER = 'regions-fill';

/**
 * An online raster basemap (GRIDWATCH_BASEMAP_URL), an option over the offline one: added when the deployment
 * offers one, shown when the planner switches it on. Without a network its tiles fail quietly and `onFailed`
 * says so; the offline basemap underneath stays.
 */
export function useOnlineBasemap(
  map: Map | null,
  basemap: OnlineBasemap | null,
  shown: boolean,
  onFailed: (failed: boolean) => void,
): void {
  useEffect(() => {
    if (!map || !basemap) return;
    map.addSource(ONLINE_BASEMAP_SOURCE, {
      type: 'raster',
      tiles: [basemap.tiles],
      tileSize: 256,
      maxzoom: 19,
    });
    map.addLayer(
      {
        id: ONLINE_BASEMAP_SOURCE,
        type: 'raster',
        source: ONLINE_BASEMAP_SOURCE,
        layout: { visibility: 'none' },
      },
      BELOW_LAYER,
    );
    const onError = (event: MapError) => {
      if (event.sourceId === ONLINE_BASEMAP_SOURCE) onFailed(true);
    };
    const onData = (event: MapSourceDataEvent) => {
      if (event.sourceId === ONLINE_BASEMAP_SOURCE && event.tile) onFailed(false);
    };
    map.on('error', onError);
    map.on('sourcedata', onData);
    return () => {
      map.off('error', onError);
      map.off('sourcedata', onData);
      if (map.getLayer(ONLINE_BASEMAP_SOURCE)) map.removeLayer(ONLINE_BASEMAP_SOURCE);
      if (map.getSource(ONLINE_BASEMAP_SOURCE)) map.removeSource(ONLINE_BASEMAP_SOURCE);
    };
  }, [map, basemap, onFailed]);

  useEffect(() => {
    if (!map || !basemap || !map.getLayer(ONLINE_BASEMAP_SOURCE)) return;
    map.setLayoutProperty(ONLINE_BASEMAP_SOURCE, 'visibility', shown ? 'visible' : 'none');
  }, [map, basemap, shown]);
}
