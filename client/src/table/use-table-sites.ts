import { filterSearch, type ApiClient, type ApiFeature, type Bbox } from '../api';
import { layerFilter, type MapFilters } from '../filters/map-filters';
import { useApiQuery, type QueryState } from '../panels/use-api-query';

/** What the table lists: the sites in the map's view with the filters, or the sites of one zone. */
export type TableScope = { bbox: Bbox; filters: MapFilters } | { zoneId: number };

/** As many as the layer route gives by default: the table pages through them. */
const LIMIT = 10_000;

/** The table's rows from the API, asked again when the scope changes (a move, a filter, another zone). */
export function useTableSites(
  api: ApiClient,
  scope: TableScope | null,
  revision: number,
): QueryState<{ sites: ApiFeature<'sites'>[]; truncated: boolean }> {
  const query =
    scope && !('zoneId' in scope) ? { bbox: scope.bbox, ...layerFilter('sites', scope.filters) } : null;
  const key =
    scope === null
      ? null
      : 'zoneId' in scope
        ? `zone:${scope.zoneId}/${revision}`
        : `${filterSearch(query ?? {})}/${revision}`;
  return useApiQuery(key, async (signal) => {
    const answer =
      scope && 'zoneId' in scope
        ? await api.zoneSites(scope.zoneId, signal)
        : await api.layer('sites', { ...query, limit: LIMIT }, signal);
    return { sites: answer.features, truncated: answer.truncated === true };
  });
}
