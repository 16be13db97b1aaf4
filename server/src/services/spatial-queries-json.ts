/**
 * The unlicensed-load and within answers put together around feature texts the database wrote (store
 * `sitesWithinKmJson`, `sitesInPolygonJson`; docs/performance.md, "Fixes for 3, 4, 6, 7"): never parsed and
 * stringified again. The bytes are JSON.stringify's of what `unlicensedLoadNear` and `sitesWithin`
 * (spatial-queries.ts) return for the same question (spatial-queries-json.test.ts, both stores); the summaries
 * are the same `summarizeSites` over the same sites in the same order, so the same bits.
 */
import type { MultiPolygon, Polygon } from 'geojson';
import type { Status } from '@gridwatch/contract';
import { roundTo3 } from '../domain/geo/haversine';
import { summarizeSites, unlicensedStatuses } from '../domain/summaries';
import { notFound } from '../http/app-error';
import type { LayersPort, SpatialQueriesPort } from '../store/store';
import { pointOf } from './spatial-queries';

/** A feature's text with `distanceKm` (rounded) as its last property, as `withDistances` adds it. */
export function withDistanceText(json: string, distanceKm: number): string {
  // A feature's text ends with its properties' brace and its own.
  if (!json.endsWith('}}')) throw new Error('a feature text must end with its properties');
  return `${json.slice(0, -2)},"distanceKm":${JSON.stringify(roundTo3(distanceKm))}}}`;
}

/** `unlicensedLoadNear` (without `at`) as JSON text. */
export async function unlicensedLoadNearText(
  store: Pick<LayersPort, 'getFeature'> & Pick<SpatialQueriesPort, 'sitesWithinKmJson'>,
  substationId: number,
  radiusKm: number,
  includeSuspected: boolean,
): Promise<string> {
  const substation = await store.getFeature('substations', substationId);
  if (!substation) throw notFound(`No substation with id ${substationId}`);
  const [lon, lat] = pointOf(substation);
  const statuses = unlicensedStatuses(includeSuspected);
  const hits = await store.sitesWithinKmJson(lon, lat, radiusKm, statuses);
  const head = JSON.stringify({ substationId, radiusKm, ...summarizeSites(hits, statuses) });
  const features = hits.map((hit) => withDistanceText(hit.json, hit.distanceKm)).join(',');
  return `${head.slice(0, -1)},"sites":{"type":"FeatureCollection","features":[${features}]}}`;
}

/** `sitesWithin` as JSON text: the sites in the area, then the summary over them. */
export async function sitesWithinText(
  store: Pick<SpatialQueriesPort, 'sitesInPolygonJson'>,
  geometry: Polygon | MultiPolygon,
  statuses: Status[] | null,
): Promise<string> {
  const sites = await store.sitesInPolygonJson(geometry, statuses);
  const summary = summarizeSites(sites, statuses ?? undefined);
  const features = sites.map((site) => site.json).join(',');
  return `{"type":"FeatureCollection","features":[${features}],"summary":${JSON.stringify(summary)}}`;
}
