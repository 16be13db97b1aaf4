import { useQuery } from '@tanstack/react-query';
import { ApiError, type ApiClient, type DetailLayerId } from '../api';
import { queryKey } from '../server-state/query-keys';
import type { SelectedFeature } from './feature-rows';

export type FeatureState =
  | { state: 'loading' }
  | { state: 'loaded'; selected: SelectedFeature }
  | { state: 'failed'; error: ApiError };

/**
 * Fetches the full feature from the API: the map's copy may be simplified or stale. A write to its layer
 * invalidates it, and it is fetched again.
 */
export function useFeature(api: ApiClient, layer: DetailLayerId, id: number): FeatureState {
  const query = useQuery({
    queryKey: queryKey('feature', layer, id),
    queryFn: ({ signal }) => api.feature(layer, id, signal),
  });
  if (query.data && query.data.id === id) {
    // The API answers with the feature of the layer asked for, so the pair is a SelectedFeature.
    return { state: 'loaded', selected: { layer, feature: query.data } as SelectedFeature };
  }
  if (query.error) {
    const error = query.error;
    const failure =
      error instanceof ApiError
        ? error
        : new ApiError(0, { code: 'CLIENT', message: String(error), details: [] });
    return { state: 'failed', error: failure };
  }
  return { state: 'loading' };
}
