import { useMemo } from 'react';
import type { ApiClient } from '../api';
import { useApiQuery } from '../server-state/use-api-query';
import { queryKey } from '../server-state/query-keys';

export interface RegionName {
  id: number;
  level: string;
  name: string;
  nameZh: string;
}

/** The regions' ids and names, the province first: read once for the region filter and the report. */
export function useRegions(api: ApiClient): readonly RegionName[] {
  const { data } = useApiQuery(queryKey('layer', 'regions', {}), (signal) =>
    api.layer('regions', {}, signal),
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
