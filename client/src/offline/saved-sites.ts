import type { ApiFeature, ApiFeatureCollection } from '../api';
import { areaCache } from './cache-names';
import { readAreas } from './saved-areas';

/**
 * The sites of every saved area, read back from their caches (each area keeps its sites' bbox query,
 * saved-areas.ts), one copy of a site in two areas. Empty without saved areas or Cache Storage.
 */
export async function savedSites(): Promise<ApiFeature<'sites'>[]> {
  if (typeof caches === 'undefined') return [];
  const byId = new Map<number, ApiFeature<'sites'>>();
  for (const area of readAreas(localStorage)) {
    const answer = await (await caches.open(areaCache(area.id))).match(area.sitesUrl);
    if (!answer) continue;
    const collection = (await answer.json()) as ApiFeatureCollection<'sites'>;
    for (const site of collection.features) if (!byId.has(site.id)) byId.set(site.id, site);
  }
  return [...byId.values()];
}
