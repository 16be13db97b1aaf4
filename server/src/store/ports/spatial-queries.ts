/** The analyses over sites and substations: distances, areas, corridors, loads, rankings and progress. */
import type { MultiPolygon, Polygon } from 'geojson';
import type { LayerId, Status } from '@gridwatch/contract';
import type { ProgressInputs } from '../../domain/progress';
import type { StatusTally } from '../../domain/summaries';
import type { ReadingDay, SubstationLoads } from '../../domain/unexplained-load';
import type { LayerFeature } from './layers';

/** A feature with its great-circle distance (km, unrounded) from the point or line asked about. */
export interface Hit<L extends LayerId> {
  feature: LayerFeature<L>;
  distanceKm: number;
}

/**
 * A site whose feature the database wrote as JSON text (ports/layers FeatureJson, docs/performance.md), with
 * the two values a summary reads, so the answer is put together around the text without parsing it.
 */
export interface SiteJson {
  id: number;
  json: string;
  status: Status;
  loadMw: number;
}

/** A SiteJson with its great-circle distance (km, unrounded) from the point asked about. */
export interface SiteJsonHit extends SiteJson {
  distanceKm: number;
}

/**
 * The sites of an area as their JSON texts, written by the database in one statement (PostGIS: a COPY), with
 * what their summary needs, so the answer streams without a string per site (docs/performance.md, "Fix 28").
 */
export interface SitesJsonCopy {
  /** The texts in id order joined by "," (the bytes between a collection's brackets), in chunks. */
  chunks: AsyncIterable<Uint8Array>;
  /** Once the chunks are read to the end: each status asked for (all when none), in order, with its tally. */
  tallies(): Map<Status, StatusTally>;
}

export interface LineCandidates {
  line: LayerFeature<'lines'>;
  sites: LayerFeature<'sites'>[];
}

export interface HotspotRow {
  substationId: number;
  name: string;
  nameZh: string;
  siteCount: number;
  totalLoadMw: number;
}

export interface SpatialQueriesPort {
  /**
   * Sites within `radiusKm` (haversine, with DOMAIN.md's millimetre), nearest first, then by id; with `at`,
   * each with (and filtered by) its status at that instant, sites with no record by then left out.
   */
  sitesWithinKm(
    lon: number,
    lat: number,
    radiusKm: number,
    statuses: Status[] | null,
    at?: string,
  ): Promise<Hit<'sites'>[]>;
  /** Sites inside the polygon or on its boundary (straight lon/lat edges, holes excluded), by id. */
  sitesInPolygon(
    geometry: Polygon | MultiPolygon,
    statuses: Status[] | null,
  ): Promise<LayerFeature<'sites'>[]>;
  /** sitesWithinKm (now, not as of an instant) with each feature as JSON text: the same sites, the same order. */
  sitesWithinKmJson(
    lon: number,
    lat: number,
    radiusKm: number,
    statuses: Status[] | null,
  ): Promise<SiteJsonHit[]>;
  /** sitesInPolygon with each feature as JSON text: the same sites, by id. */
  sitesInPolygonJson(geometry: Polygon | MultiPolygon, statuses: Status[] | null): Promise<SiteJson[]>;
  /**
   * sitesInPolygonJson's sites as one SitesJsonCopy, tallied by the statuses asked for (all of them when none
   * are), as the summary breaks them down. null where the store has no such read (SQLite, a utility's user,
   * reads from a replica): the caller uses sitesInPolygonJson.
   */
  copySitesInPolygon(
    geometry: Polygon | MultiPolygon,
    statuses: Status[] | null,
    chunkBytes: number,
  ): SitesJsonCopy | null;
  /** The k substations nearest to the point (haversine), nearest first, then by id. */
  nearestSubstations(lon: number, lat: number, k: number): Promise<Hit<'substations'>[]>;
  /**
   * The line and the sites that may lie within `widthKm` of it: a superset from the spatial index, which the
   * caller measures exactly (great-circle segments). Null when there is no such line.
   */
  siteCandidatesNearLine(
    lineId: number,
    widthKm: number,
    statuses: Status[] | null,
  ): Promise<LineCandidates | null>;
  /**
   * Substations with a base load and a meter (a reported peak, or readings that day), with the day's peak
   * reading and the load of the sites each explains (docs/detection.md: its feeder's, else the nearest metered
   * substation's within `radiusKm`; one substation per site), by their statuses at the end of the day:
   * licensed, and of the `illegal` statuses.
   */
  substationLoads(radiusKm: number, illegal: readonly Status[], day: ReadingDay): Promise<SubstationLoads[]>;
  /**
   * Substations ranked by the load of the sites with these statuses within `radiusKm`, largest first; `at`:
   * rank by the statuses in force at this instant (ISO 8601 UTC) rather than now.
   */
  hotspots(radiusKm: number, statuses: Status[], limit: number, at?: string): Promise<HotspotRow[]>;
  /** Every utility, and each site with a record by `at`: its status then, its load and its utility. */
  progressInputs(at: string): Promise<ProgressInputs>;
}
