import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useContext, useEffect, useRef } from 'react';
import type { MapLayerId } from '../map/map-layers';
import { DataChangedContext, type DataChangedListener } from './data-changed';
import { readsAny } from './query-keys';

function useSignal() {
  const signal = useContext(DataChangedContext);
  if (!signal) throw new Error('no ServerStateProvider');
  return signal;
}

/** Call after a write to `layers`: every cached answer that reads them is asked for again, and the map reloads them. */
export function useDataWritten(): (...layers: MapLayerId[]) => void {
  const queryClient = useQueryClient();
  const signal = useSignal();
  return useCallback(
    (...layers: MapLayerId[]) => {
      void queryClient.invalidateQueries({ predicate: (query) => readsAny(query.queryKey, layers) });
      signal.notify(layers);
    },
    [queryClient, signal],
  );
}

/** Hears of every write this client made, for what the query cache does not hold. */
export function useOnDataChanged(listener: DataChangedListener): void {
  const signal = useSignal();
  const latest = useRef(listener);
  useEffect(() => {
    latest.current = listener;
  });
  useEffect(() => signal.subscribe((layers) => latest.current(layers)), [signal]);
}
