import { createContext } from 'react';
import type { MapLayerId } from '../map/map-layers';

export type DataChangedListener = (layers: readonly MapLayerId[]) => void;

/**
 * Told of every write this client made, after the queries were invalidated: what is not a query (the map's tiles
 * and GeoJSON sources) reloads on it.
 */
export interface DataChangedSignal {
  notify(layers: readonly MapLayerId[]): void;
  subscribe(listener: DataChangedListener): () => void;
}

export function createDataChangedSignal(): DataChangedSignal {
  const listeners = new Set<DataChangedListener>();
  return {
    notify: (layers) => listeners.forEach((listener) => listener(layers)),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** The session's signal; ServerStateProvider gives it. */
export const DataChangedContext = createContext<DataChangedSignal | null>(null);
