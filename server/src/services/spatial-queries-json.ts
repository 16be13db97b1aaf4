/**
 * The unlicensed-load and within answers put together around feature texts the database wrote (store
 * `sitesWithinKmJson`, `sitesInPolygonJson`, `copySitesInPolygon`; docs/performance.md, "Fixes for 3, 4, 6,
 * 7", "Fix 28"): never parsed and stringified again, and encoded a slice of features at a time or streamed as
 * the database writes them, never as one string (http/json-bytes.ts, "Fix 27"). The bytes are JSON.stringify's
 * of what `unlicensedLoadNear` and `sitesWithin` (spatial-queries.ts) return for the same question
 * (spatial-queries-json.test.ts, both stores); the summaries are the same whole-watt tallies of the same sites,
 * so the same bits.
 */
import type { MultiPolygon, Polygon } from 'geojson';
import type { Status } from '@gridwatch/contract';
import { roundTo3 } from '../domain/geo/haversine';
import { summarizeSites, summaryOfTallies, unlicensedStatuses, type SiteSummary } from '../domain/summaries';
import { notFound } from '../http/app-error';
import { FEATURE_COLLECTION_HEAD, featureCollectionBytes } from '../http/json-bytes';
import { enclosed } from './enclosed-chunks';
import type { LayersPort, SpatialQueriesPort } from '../store/store';
import { pointOf } from './spatial-queries';

/** A feature's text with `distanceKm` (rounded) as its last property, as `withDistances` adds it. */
export function withDistanceText(json: string, distanceKm: number): string {
  // A feature's text ends with its properties' brace and its own.
  if (!json.endsWith('}}')) throw new Error('a feature text must end with its properties');
  return `${json.slice(0, -2)},"distanceKm":${JSON.stringify(roundTo3(distanceKm))}}}`;
}

/** `unlicensedLoadNear` (without `at`) as JSON bytes. */
export async function unlicensedLoadNearBytes(
  store: Pick<LayersPort, 'getFeature'> & Pick<SpatialQueriesPort, 'sitesWithinKmJson'>,
  substationId: number,
  radiusKm: number,
  includeSuspected: boolean,
): Promise<Buffer> {
  const substation = await store.getFeature('substations', substationId);
  if (!substation) throw notFound(`No substation with id ${substationId}`);
  const [lon, lat] = pointOf(substation);
  const statuses = unlicensedStatuses(includeSuspected);
  const hits = await store.sitesWithinKmJson(lon, lat, radiusKm, statuses);
  const head = JSON.stringify({ substationId, radiusKm, ...summarizeSites(hits, statuses) });
  return Buffer.concat([
    Buffer.from(`${head.slice(0, -1)},"sites":`),
    featureCollectionBytes(hits.map((hit) => withDistanceText(hit.json, hit.distanceKm))),
    Buffer.from('}'),
  ]);
}

/**
 * `sitesWithin` as JSON bytes: the sites in the area, then the summary over them. Where the store copies the
 * sites in one statement (PostGIS), the answer is chunks streamed as the database writes them, the summary
 * from its tallies at the end (docs/performance.md, "Fix 28"); else one Buffer.
 */
export async function sitesWithinBytes(
  store: Pick<SpatialQueriesPort, 'sitesInPolygonJson' | 'copySitesInPolygon'>,
  geometry: Polygon | MultiPolygon,
  statuses: Status[] | null,
  chunkBytes: number,
): Promise<Buffer | AsyncGenerator<Buffer>> {
  const copy = store.copySitesInPolygon(geometry, statuses, chunkBytes);
  const afterSites = (summary: SiteSummary) => `,"summary":${JSON.stringify(summary)}`;
  if (copy)
    return enclosed(
      FEATURE_COLLECTION_HEAD,
      copy.chunks,
      () => `]${afterSites(summaryOfTallies(copy.tallies()))}}`,
    );
  const sites = await store.sitesInPolygonJson(geometry, statuses);
  return featureCollectionBytes(
    sites.map((site) => site.json),
    afterSites(summarizeSites(sites, statuses ?? undefined)),
  );
}
