import { useEffect, useRef } from 'react';
import type { Map } from 'maplibre-gl';
import type { Bbox } from '../api';

/**
 * A request to show a box (a search hit, flown to) or a camera (a view from the address, jumped to at once);
 * a new `seq` is a new request, even to the same place.
 */
export type FlyToRequest = FlyTarget & { seq: number };
export type FlyTarget = { bbox: Bbox } | { center: [number, number]; zoom: number };

/** A point's box has no size: fitting it would zoom in without end, so points get a street-level zoom. */
const POINT_ZOOM = 13;
const MARGIN_PX = 48;

export function useFlyTo(map: Map | null, request: FlyToRequest | null): void {
  // Each request moves the map once: a re-render with the same request must not pull the user back.
  const done = useRef<number | null>(null);
  useEffect(() => {
    if (!map || !request || done.current === request.seq) return;
    done.current = request.seq;
    if ('center' in request) {
      map.jumpTo({ center: request.center, zoom: request.zoom });
      return;
    }
    const [minLon, minLat, maxLon, maxLat] = request.bbox;
    if (minLon === maxLon && minLat === maxLat) {
      map.flyTo({ center: [minLon, minLat], zoom: POINT_ZOOM });
      return;
    }
    map.fitBounds(
      [
        [minLon, minLat],
        [maxLon, maxLat],
      ],
      { padding: MARGIN_PX, maxZoom: POINT_ZOOM },
    );
  }, [map, request]);
}
