import { getJson, type FetchFn } from './http';
import type { ApiFeature, ApiFeatureCollection, LayerId, LayerInfo, LayerFilter } from './types';

/** Layers that have a `GET /api/<layer>/:id` route. */
export type DetailLayerId = Exclude<LayerId, 'zones'>;

export interface ApiClient {
  layers(): Promise<LayerInfo[]>;
  layer<L extends LayerId>(
    layer: L,
    query?: LayerFilter,
    signal?: AbortSignal,
  ): Promise<ApiFeatureCollection<L>>;
  feature<L extends DetailLayerId>(layer: L, id: number, signal?: AbortSignal): Promise<ApiFeature<L>>;
}

export function layerPath(layer: LayerId, query: LayerFilter = {}): string {
  const params = new URLSearchParams();
  if (query.bbox) params.set('bbox', query.bbox.map((n) => n.toFixed(6)).join(','));
  if (query.status && query.status.length > 0) params.set('status', query.status.join(','));
  if (query.limit !== undefined) params.set('limit', String(query.limit));
  const search = params.toString();
  return `/api/layers/${layer}${search ? `?${search}` : ''}`;
}

export function createApiClient(fetchFn: FetchFn = (input, init) => fetch(input, init)): ApiClient {
  return {
    layers: () => getJson<LayerInfo[]>(fetchFn, '/api/layers'),
    layer: (layer, query, signal) => getJson(fetchFn, layerPath(layer, query), signal),
    feature: (layer, id, signal) => getJson(fetchFn, `/api/${layer}/${id}`, signal),
  };
}
