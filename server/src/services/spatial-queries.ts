import type { LineString, MultiLineString, MultiPolygon, Polygon } from 'geojson';
import { distanceToLineKm } from '../domain/geo/distance-to-line';
import { isWithinKm, roundTo3 } from '../domain/geo/haversine';
import type { Status } from '@gridwatch/contract';
import { summarizeSites, unlicensedStatuses } from '../domain/summaries';
import { KNOWN_ILLEGAL, rankUnexplainedLoad, readingDay } from '../domain/unexplained-load';
import { notFound } from '../http/app-error';
import type { Hit, LayerFeature, LayerFilter, LayersPort, SpatialQueriesPort } from '../store/store';
import { everyPage } from './every-page';

export function pointOf(feature: LayerFeature): [number, number] {
  if (feature.geometry.type !== 'Point') throw new Error(`feature ${feature.id} is not a point`);
  return feature.geometry.coordinates as [number, number];
}

/** A FeatureCollection of hits, each feature carrying its rounded `distanceKm` in its properties. */
function withDistances<L extends 'sites' | 'substations'>(hits: Hit<L>[]) {
  return hits.map(({ feature, distanceKm }) => ({
    ...feature,
    properties: { ...feature.properties, distanceKm: roundTo3(distanceKm) },
  }));
}

export async function unlicensedLoadNear(
  store: Pick<LayersPort, 'getFeature'> & Pick<SpatialQueriesPort, 'sitesWithinKm'>,
  substationId: number,
  radiusKm: number,
  includeSuspected: boolean,
  at?: string,
) {
  const substation = await store.getFeature('substations', substationId);
  if (!substation) throw notFound(`No substation with id ${substationId}`);
  const [lon, lat] = pointOf(substation);
  const statuses = unlicensedStatuses(includeSuspected);
  const hits = await store.sitesWithinKm(lon, lat, radiusKm, statuses, at);
  return {
    substationId,
    radiusKm,
    ...summarizeSites(
      hits.map((h) => h.feature.properties),
      statuses,
    ),
    sites: { type: 'FeatureCollection' as const, features: withDistances(hits) },
  };
}

export async function hotspots(
  store: Pick<SpatialQueriesPort, 'hotspots'>,
  radiusKm: number,
  limit: number,
  includeSuspected: boolean,
  at?: string,
) {
  const rows = await store.hotspots(radiusKm, unlicensedStatuses(includeSuspected), limit, at);
  return rows.map((r) => ({ ...r, totalLoadMw: roundTo3(r.totalLoadMw) }));
}

export async function nearestSubstations(
  store: Pick<SpatialQueriesPort, 'nearestSubstations'>,
  lon: number,
  lat: number,
  k: number,
) {
  return {
    type: 'FeatureCollection' as const,
    features: withDistances(await store.nearestSubstations(lon, lat, k)),
  };
}

/** The sites in an area with the summary over every site returned (all statuses unless filtered). */
export async function sitesWithin(
  store: Pick<SpatialQueriesPort, 'sitesInPolygon'>,
  geometry: Polygon | MultiPolygon,
  statuses: Status[] | null,
) {
  const sites = await store.sitesInPolygon(geometry, statuses);
  return siteCollection(sites, statuses);
}

export function siteCollection(sites: LayerFeature<'sites'>[], statuses: Status[] | null) {
  const summary = summarizeSites(
    sites.map((s) => s.properties),
    statuses ?? undefined,
  );
  return { type: 'FeatureCollection' as const, features: sites, summary };
}

/** Sites within `widthKm` of a line (great-circle segments), measured here so both stores agree exactly. */
export async function corridor(
  store: Pick<SpatialQueriesPort, 'siteCandidatesNearLine'>,
  lineId: number,
  widthKm: number,
  statuses: Status[] | null,
) {
  const found = await store.siteCandidatesNearLine(lineId, widthKm, statuses);
  if (!found) throw notFound(`No line with id ${lineId}`);
  const line = found.line.geometry as LineString | MultiLineString;
  const hits = found.sites
    .map((feature) => ({ feature, distanceKm: distanceToLineKm(pointOf(feature), line) }))
    .filter((hit) => isWithinKm(hit.distanceKm, widthKm));
  return {
    lineId,
    widthKm,
    ...siteCollection(
      hits.map((h) => h.feature),
      statuses,
    ),
    features: withDistances(hits),
  };
}

/** Unexplained load as of a Beijing day (docs/detection.md): that day's readings and statuses. */
export async function unexplainedLoad(
  store: Pick<SpatialQueriesPort, 'substationLoads'>,
  radiusKm: number,
  day: string,
) {
  return rankUnexplainedLoad(day, await store.substationLoads(radiusKm, KNOWN_ILLEGAL, readingDay(day)));
}

/**
 * Unlicensed load by region, for the choropleth: the sites inside each region of a level (boundary included,
 * through the stored memberships, which the same exact test as every area query made) with the unlicensed
 * statuses, summed like the substation answer; as of the instant `at` when given (statuses then).
 */
export async function unlicensedLoadByRegion(
  store: Pick<LayersPort, 'queryLayer' | 'querySitesAsOf'>,
  level: string,
  includeSuspected: boolean,
  at?: string,
) {
  const statuses = unlicensedStatuses(includeSuspected);
  const regions = (await store.queryLayer('regions', { limit: 10_000 })).features.filter(
    (r) => r.properties.level === level,
  );
  const answers = [];
  for (const region of regions) {
    const sites: { status: Status; loadMw: number }[] = [];
    const read = (filter: LayerFilter) =>
      at === undefined ? store.queryLayer('sites', filter) : store.querySitesAsOf(at, filter);
    for await (const site of everyPage({ regionId: region.id, statuses }, read)) sites.push(site.properties);
    const { externalId: _id, level: _level, synthetic: _synthetic, ...names } = region.properties;
    answers.push({
      regionId: region.id,
      ...names,
      ...summarizeSites(sites, statuses),
    });
  }
  return answers;
}
