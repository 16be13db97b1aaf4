import type { ApiClient, ApiFeature } from '../api';
import { useApiQuery } from '../server-state/use-api-query';
import { queryKey } from '../server-state/query-keys';

/**
 * The zones that contain a site, for the status form. The API has no "zones containing this point" query, so the
 * zones whose box holds the point are asked for, and each of those is asked whether the site is among its sites:
 * containment stays the server's answer (boundary rules, holes), never a computation of the client's.
 */
export function useContainingZones(api: ApiClient, siteId: number, at: [number, number] | null) {
  const key = at ? queryKey('containing-zones', siteId, at) : null;
  return useApiQuery(key, async (signal): Promise<ApiFeature<'zones'>[]> => {
    if (!at) return [];
    const [lon, lat] = at;
    const candidates = await api.layer('zones', { bbox: [lon, lat, lon, lat] }, signal);
    const inside = await Promise.all(
      candidates.features.map(async (zone: ApiFeature<'zones'>) => {
        const sites = await api.zoneSites(zone.id, signal);
        return sites.features.some((site: ApiFeature<'sites'>) => site.id === siteId) ? zone : null;
      }),
    );
    return inside.filter((zone) => zone !== null);
  });
}
