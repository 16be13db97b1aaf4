import { useEffect, useState } from 'react';
import type { ApiClient, LayerInfo } from './api';

export type LayerInfos = { ready: false } | { ready: true; layers: LayerInfo[]; error: string | null };

/** The API's list of layers (counts, boxes); on failure the map still starts, on its default view. */
export function useLayerInfos(api: ApiClient): LayerInfos {
  const [infos, setInfos] = useState<LayerInfos>({ ready: false });
  useEffect(() => {
    let current = true;
    api
      .layers()
      .then((layers) => current && setInfos({ ready: true, layers, error: null }))
      .catch(
        (error: unknown) => current && setInfos({ ready: true, layers: [], error: errorMessage(error) }),
      );
    return () => {
      current = false;
    };
  }, [api]);
  return infos;
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
