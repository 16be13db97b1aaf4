import { useCallback, useState } from 'react';
import { MAP_LAYERS, type MapLayerId } from './map';

const NONE = Object.fromEntries(MAP_LAYERS.map((l) => [l, 0])) as Record<MapLayerId, number>;

/** Counts the writes this client made to each layer, so that whatever shows a layer knows to load it again. */
export function useRevisions() {
  const [revisions, setRevisions] = useState(NONE);
  const bump = useCallback(
    (...layers: MapLayerId[]) =>
      setRevisions((r) => ({ ...r, ...Object.fromEntries(layers.map((l) => [l, r[l] + 1])) })),
    [],
  );
  return { revisions, bump };
}
