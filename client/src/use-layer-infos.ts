import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { queryKey } from './server-state/query-keys';
import type { ApiClient, LayerInfo } from './api';

export type LayerInfos = { ready: false } | { ready: true; layers: LayerInfo[]; error: string | null };

/** The API's list of layers (counts, boxes); on failure the map still starts, on its default view. */
export function useLayerInfos(api: ApiClient): LayerInfos {
  const query = useQuery({ queryKey: queryKey('layers'), queryFn: () => api.layers() });
  return useMemo<LayerInfos>(() => {
    if (query.data) return { ready: true, layers: query.data, error: null };
    if (query.error) return { ready: true, layers: [], error: errorMessage(query.error) };
    return { ready: false };
  }, [query.data, query.error]);
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
