import { getJson, type FetchFn } from './http';
import type {
  ApiFeature,
  ApiFeatureCollection,
  Hotspot,
  HotspotsQuery,
  LayerId,
  LayerInfo,
  LayerFilter,
  UnlicensedLoad,
  UnlicensedLoadQuery,
} from './types';

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
  unlicensedLoad(
    substationId: number,
    query: UnlicensedLoadQuery,
    signal?: AbortSignal,
  ): Promise<UnlicensedLoad>;
  hotspots(query: HotspotsQuery, signal?: AbortSignal): Promise<Hotspot[]>;
}

export function layerPath(layer: LayerId, query: LayerFilter = {}): string {
  const params = new URLSearchParams();
  if (query.bbox) params.set('bbox', query.bbox.map((n) => n.toFixed(6)).join(','));
  if (query.status && query.status.length > 0) params.set('status', query.status.join(','));
  if (query.limit !== undefined) params.set('limit', String(query.limit));
  const search = params.toString();
  return `/api/layers/${layer}${search ? `?${search}` : ''}`;
}

export function unlicensedLoadPath(substationId: number, query: UnlicensedLoadQuery): string {
  const params = new URLSearchParams({
    radiusKm: String(query.radiusKm),
    includeSuspected: String(query.includeSuspected),
  });
  return `/api/substations/${substationId}/unlicensed-load?${params}`;
}

export function hotspotsPath(query: HotspotsQuery): string {
  const params = new URLSearchParams({
    radiusKm: String(query.radiusKm),
    limit: String(query.limit),
    includeSuspected: String(query.includeSuspected),
  });
  return `/api/analysis/hotspots?${params}`;
}

export function createApiClient(fetchFn: FetchFn = (input, init) => fetch(input, init)): ApiClient {
  return {
    layers: () => getJson<LayerInfo[]>(fetchFn, '/api/layers'),
    layer: (layer, query, signal) => getJson(fetchFn, layerPath(layer, query), signal),
    feature: (layer, id, signal) => getJson(fetchFn, `/api/${layer}/${id}`, signal),
    unlicensedLoad: (id, query, signal) => getJson(fetchFn, unlicensedLoadPath(id, query), signal),
    hotspots: (query, signal) => getJson(fetchFn, hotspotsPath(query), signal),
  };
}
