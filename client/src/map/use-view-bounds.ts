import { useEffect, useRef } from 'react';
import type { Map } from 'maplibre-gl';
import type { Bbox } from '../api';

/** Tells `onView` the box in view whenever the map comes to rest, and once at the start. */
export function useViewBounds(map: Map | null, onView: (bbox: Bbox) => void): void {
  const handler = useRef(onView);
  useEffect(() => {
    handler.current = onView;
  }, [onView]);

  useEffect(() => {
    if (!map) return;
    const report = () => {
      const b = map.getBounds();
      handler.current([b.getWest(), b.getSouth(), b.getEast(), b.getNorth()]);
    };
    report();
    map.on('moveend', report);
    return () => {
      map.off('moveend', report);
    };
  }, [map]);
}
