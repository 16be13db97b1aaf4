import type { RefObject } from 'react';
import { useOnDataChanged } from '../server-state/use-data-written';
import type { DataLoader } from './data-loader';

/** Reloads each layer a write of this client changed (the query cache's invalidation says which). */
export function useReload(loader: RefObject<DataLoader | null>): void {
  useOnDataChanged((layers) => layers.forEach((layer) => loader.current?.reload(layer)));
}
