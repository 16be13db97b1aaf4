import { useEffect, useRef, useState, type RefObject } from 'react';
import type { Map } from 'maplibre-gl';
import type { Bbox } from '../api';
import { createMap } from './create-map';
import { publishForTests } from './test-hook';

/** Creates the map in the container once, and hands it out when its style has loaded. */
export function useMap(container: RefObject<HTMLDivElement | null>, initialBounds: Bbox): Map | null {
  const [map, setMap] = useState<Map | null>(null);
  // The bounds are only the first view: later changes must not rebuild the map.
  const firstBounds = useRef(initialBounds);
  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const created = createMap(element, firstBounds.current);
    created.once('load', () => {
      publishForTests(created);
      setMap(created);
    });
    return () => {
      publishForTests(null);
      setMap(null);
      created.remove();
    };
  }, [container]);
  return map;
}
