import { useEffect, useState } from 'react';
import { ApiError, type ApiClient, type DetailLayerId } from '../api';
import type { SelectedFeature } from './feature-rows';

export type FeatureState =
  | { state: 'loading' }
  | { state: 'loaded'; selected: SelectedFeature }
  | { state: 'failed'; error: ApiError };

/**
 * Fetches the full feature from the API: the map's copy may be simplified or stale. A new `revision` fetches it
 * again (after a write).
 */
export function useFeature(api: ApiClient, layer: DetailLayerId, id: number, revision = 0): FeatureState {
  const [result, setResult] = useState<{ key: string; value: FeatureState } | null>(null);
  const key = `${layer}/${id}/${revision}`;
  useEffect(() => {
    const controller = new AbortController();
    api
      .feature(layer, id, controller.signal)
      // The API answers with the feature of the layer asked for, so the pair is a SelectedFeature.
      .then((feature) =>
        setResult({ key, value: { state: 'loaded', selected: { layer, feature } as SelectedFeature } }),
      )
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        const failure =
          error instanceof ApiError
            ? error
            : new ApiError(0, { code: 'CLIENT', message: String(error), details: [] });
        setResult({ key, value: { state: 'failed', error: failure } });
      });
    return () => controller.abort();
  }, [api, layer, id, key]);
  return result?.key === key ? result.value : { state: 'loading' };
}
