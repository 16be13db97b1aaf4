import { useEffect, useRef } from 'react';
import type { Map } from 'maplibre-gl';

export interface ViewCamera {
  center: [number, number];
  zoom: number;
}

/** Tells `onCamera` where the map looks whenever it comes to rest (not on every frame), and once at the start. */
export function useViewCamera(map: Map | null, onCamera: (camera: ViewCamera) => void): void {
  const handler = useRef(onCamera);
  useEffect(() => {
    handler.current = onCamera;
  }, [onCamera]);

  useEffect(() => {
    if (!map) return;
    const report = () => {
      const { lng, lat } = map.getCenter();
      handler.current({ center: [lng, lat], zoom: map.getZoom() });
    };
    report();
    map.on('moveend', report);
    return () => {
      map.off('moveend', report);
    };
  }, [map]);
}
