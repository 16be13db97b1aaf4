import { useEffect, useRef, type RefObject } from 'react';
import type { DataLoader } from './data-loader';
import { MAP_LAYERS, type MapLayerId } from './map-layers';

/** Reloads each layer whose revision moved on since the loader last saw it (a write the app made). */
export function useReload(
  loader: RefObject<DataLoader | null>,
  revisions: Readonly<Record<MapLayerId, number>>,
): void {
  const seen = useRef(revisions);
  useEffect(() => {
    const current = loader.current;
    if (!current) return;
    for (const layer of MAP_LAYERS) {
      if (revisions[layer] !== seen.current[layer]) current.reload(layer, revisions[layer]);
    }
    seen.current = revisions;
  }, [loader, revisions]);
}
