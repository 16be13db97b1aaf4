import { useEffect, useRef } from 'react';
import type { Map, MapMouseEvent } from 'maplibre-gl';
import { CLICK_LAYERS } from './style';

/** Pixels around the pointer that count as over a site, as for clicks. */
const TOLERANCE = 4;

/** Tells `onHover` which site (not cluster) is under the pointer, or null, each time that changes. */
export function useHoverSite(map: Map | null, onHover: (id: number | null) => void): void {
  const handler = useRef(onHover);
  useEffect(() => {
    handler.current = onHover;
  }, [onHover]);

  useEffect(() => {
    if (!map) return;
    let current: number | null = null;
    const report = (id: number | null) => {
      if (id === current) return;
      current = id;
      handler.current(id);
    };
    const onMove = ({ point }: MapMouseEvent) => {
      const [site] = map
        .queryRenderedFeatures(
          [
            [point.x - TOLERANCE, point.y - TOLERANCE],
            [point.x + TOLERANCE, point.y + TOLERANCE],
          ],
          { layers: [CLICK_LAYERS.sites] },
        )
        .filter((f) => !f.properties.cluster && typeof f.id === 'number');
      report(site ? Number(site.id) : null);
    };
    const onLeave = () => report(null);
    map.on('mousemove', onMove);
    map.getCanvas().addEventListener('mouseleave', onLeave);
    return () => {
      map.off('mousemove', onMove);
      map.getCanvas().removeEventListener('mouseleave', onLeave);
    };
  }, [map]);
}
