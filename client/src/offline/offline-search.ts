import type { SearchHit } from '@gridwatch/contract';
import type { ApiFeature, Bbox, LayerFilter } from '../api';

/**
 * Search and filter over the sites of the saved areas, for when the server is unreachable (offline-fetch.ts).
 * The same questions the API answers, over less: only the saved sites, and only the filters a site's own
 * properties answer (status, utility, load); a region or a past day needs the server.
 */
type Site = ApiFeature<'sites'>;

const pointOf = (site: Site): [number, number] | null =>
  site.geometry.type === 'Point' ? (site.geometry.coordinates as [number, number]) : null;

/** Sites whose name (English or Chinese) or external id holds the text, case-insensitively; names first. */
export function searchSites(sites: readonly Site[], q: string, limit: number): SearchHit[] {
  const text = q.trim().toLowerCase();
  if (!text) return [];
  const rank = (s: Site): number => {
    const { name, nameZh, externalId } = s.properties;
    if (name.toLowerCase().startsWith(text) || nameZh.startsWith(text)) return 0;
    if (name.toLowerCase().includes(text) || nameZh.includes(text)) return 1;
    return externalId.toLowerCase().includes(text) ? 2 : -1;
  };
  return sites
    .map((site) => ({ site, rank: rank(site), at: pointOf(site) }))
    .filter((s): s is { site: Site; rank: number; at: [number, number] } => s.rank >= 0 && s.at !== null)
    .sort((a, b) => a.rank - b.rank || a.site.properties.name.localeCompare(b.site.properties.name))
    .slice(0, limit)
    .map(({ site, at }) => ({
      layer: 'sites',
      id: site.id,
      externalId: site.properties.externalId,
      name: site.properties.name,
      nameZh: site.properties.nameZh,
      bbox: [at[0], at[1], at[0], at[1]],
    }));
}

const inBox = ([lon, lat]: [number, number], [w, s, e, n]: Bbox): boolean =>
  lon >= w && lon <= e && lat >= s && lat <= n;

/** Whether a query can be answered offline: not a region's or a past day's. */
export const answerableOffline = (filter: LayerFilter): boolean =>
  filter.region === undefined && filter.asOf === undefined;

/** The sites a layer query would return, as far as the saved sites' own properties tell. */
export function filterSites(sites: readonly Site[], filter: LayerFilter): Site[] {
  return sites.filter((site) => {
    const at = pointOf(site);
    const p = site.properties;
    if (filter.bbox && (!at || !inBox(at, filter.bbox))) return false;
    if (filter.status && filter.status.length > 0 && !filter.status.includes(p.status)) return false;
    if (filter.utility !== undefined && p.utilityId !== filter.utility) return false;
    if (filter.minLoadMw !== undefined && p.loadMw < filter.minLoadMw) return false;
    if (filter.maxLoadMw !== undefined && p.loadMw > filter.maxLoadMw) return false;
    return true;
  });
}

/** The filter a layer URL's query asks (paths.ts' filterSearch, read back). */
export function filterOfSearch(params: URLSearchParams): LayerFilter {
  const list = (key: string) => params.get(key)?.split(',').filter(Boolean);
  const num = (key: string) => (params.has(key) ? Number(params.get(key)) : undefined);
  const bbox = list('bbox')?.map(Number);
  return {
    bbox: bbox && bbox.length === 4 ? (bbox as Bbox) : undefined,
    status: list('status') as LayerFilter['status'],
    utility: num('utility'),
    region: num('region'),
    minLoadMw: num('minLoadMw'),
    maxLoadMw: num('maxLoadMw'),
    asOf: params.get('asOf') ?? undefined,
    limit: num('limit'),
  };
}
