import { useEffect } from 'react';
import type { Map, MapMouseEvent } from 'maplibre-gl';
import { isCluster } from './style';

/** Zoom levels a click on a site cluster goes in by: enough to split a cell of the server's cluster grid. */
const CLUSTER_ZOOM_STEP = 2;

/** Clusters have no id to show details for, so a click on one zooms in around it instead. */
export function useClusterZoom(map: Map | null): void {
  useEffect(() => {
    if (!map) return;
    const onClick = (event: MapMouseEvent) => {
      const [cluster] = map.queryRenderedFeatures(event.point, { layers: ['sites'], filter: isCluster });
      if (!cluster) return;
      map.easeTo({ center: event.lngLat, zoom: map.getZoom() + CLUSTER_ZOOM_STEP });
    };
    map.on('click', onClick);
    return () => {
      map.off('click', onClick);
    };
  }, [map]);
}
