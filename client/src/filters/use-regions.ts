import { useMemo } from 'react';
import type { ApiClient } from '../api';
import { useApiQuery } from '../server-state/use-api-query';
import { queryKey } from '../server-state/query-keys';
import { firstLayerQuery } from '../map/data-loader';

export interface RegionName {
  id: number;
  level: string;
  name: string;
  nameZh: string;
}

/** The regions' ids and names, the province first: read once for the region filter and the report. */
export function useRegions(api: ApiClient): readonly RegionName[] {
  // The map's own question (map/data-loader.ts): the cache answers both with one request.
  const query = firstLayerQuery('regions');
  const { data } = useApiQuery(queryKey('layer', 'regions', query), (signal) =>
    api.layer('regions', query, signal),
  );
  return useMemo(
    () =>
      (data?.features ?? [])
        .map((f) => ({
          id: Number(f.id),
          level: f.properties.level,
          name: f.properties.name,
          nameZh: f.properties.nameZh,
        }))
        .sort((a, b) => Number(a.level !== 'province') - Number(b.level !== 'province') || a.id - b.id),
    [data],
  );
}
