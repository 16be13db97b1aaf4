import { useMemo } from 'react';
import { type ApiClient, type ApiFeature, type Bbox } from '../api';
import { layerFilter, type MapFilters } from '../filters/map-filters';
import { queryKey } from '../server-state/query-keys';
import { useApiQuery, type QueryState } from '../server-state/use-api-query';

/** What the table lists: the sites in the map's view with the filters, or the sites of one zone. */
export type TableScope = { bbox: Bbox; filters: MapFilters } | { zoneId: number };

/** As many as the layer route gives by default: the table pages through them. */
const LIMIT = 10_000;

/** The table's rows from the API, asked again when the scope changes (a move, a filter, another zone). */
export function useTableSites(
  api: ApiClient,
  scope: TableScope | null,
): QueryState<{ sites: ApiFeature<'sites'>[]; truncated: boolean }> {
  const zoneId = scope && 'zoneId' in scope ? scope.zoneId : null;
  const query =
    scope && !('zoneId' in scope)
      ? { bbox: scope.bbox, ...layerFilter('sites', scope.filters), limit: LIMIT }
      : null;
  // The keys and answers are the zone panel's and the layer's own, so the cache holds each answer once.
  const inZone = useApiQuery(zoneId === null ? null : queryKey('zone-sites', zoneId), (signal) =>
    api.zoneSites(zoneId ?? 0, signal),
  );
  const inView = useApiQuery(query && queryKey('layer', 'sites', query), (signal) =>
    api.layer('sites', query ?? {}, signal),
  );
  const state = zoneId === null ? inView : inZone;
  const rows = useMemo(
    () => state.data && { sites: state.data.features, truncated: state.data.truncated === true },
    [state.data],
  );
  return { ...state, data: rows };
}
