import { empty, join, sqltag as sql, type Sql } from '@prisma/client/runtime/client';
import { LAYER_IDS, type LayerId, type LayerInfo } from '@gridwatch/contract';
import type { MultiPolygon, Polygon } from 'geojson';
import type { Bbox } from '../../domain/geo/bbox';
import { isWithinKm, WITHIN_TOLERANCE_KM } from '../../domain/geo/haversine';
import type { ReferenceTable } from '../../domain/import/fields';
import type { ImportLayer } from '../../domain/import/import-layers';
import type { ExistingRecord, ImportCounts, ImportPlan } from '../../domain/import/plan-import';
import type { ProgressInputs } from '../../domain/progress';
import type { Status } from '@gridwatch/contract';
import type { ReadingDay, SubstationLoads } from '../../domain/unexplained-load';
import { rowToFeature } from '../feature-rows';
import { LAYER_CATALOG } from '../layer-catalog';
import type {
  Backend,
  Hit,
  HotspotRow,
  LayerFeature,
  LayerFilter,
  LayerPage,
  LineCandidates,
  SiteJson,
  SiteJsonHit,
  SitesJsonCopy,
  Store,
} from '../store';
import type { TileRequest } from '../tile-request';
import {
  AS_OF_COLUMNS,
  asOfJoin,
  asOfSiteFeature,
  progressInputs,
  querySitesAsOf,
  countSitesAsOf,
  statusesAtSql,
} from './as-of-sql';
import { explainedLoadSumsSql, explainingSubstationSql, nearestMeteredByPairsSql } from './explanation-sql';
import {
  explainingSites,
  meterDays,
  substationIdsByExternalId,
  substationReadings,
  writeReadings,
} from './readings-sql';
import type { ExplainingSite } from '../../domain/signatures/explained-by-day';
import type { HourlyReading } from '../../domain/signatures/daily-load';
import type { MeterDay, ReadingRows } from '../ports/readings';
import { haversineKmSql } from './haversine-sql';
import { applyImport, existingExternalIds, findImportRecords, type ImportClient } from './import-sql';
import { filterWhere, inIdOrder, pageOrder } from './filter-sql';
import { LAYER_SQL } from './layer-sql';
import { featureJsonSelect } from './feature-json-sql';
import type { FeatureJson, LayerJsonCopy, LayerJsonPage, PointLayerId } from '../ports/layers';
import { int, num, str } from '../row-values';
import { fillSiteUtilitiesIfMissing } from './site-utility-sql';
import { fillPairsIfMissing, pairsCover } from './site-substation-pairs-sql';
import { fillClusterCellsIfMissing } from './cluster-cells-sql';
import { fillHotspotLoadsIfMissing, hotspotLoadsCover, hotspotsFromLoadsSql } from './hotspot-loads-sql';
import { hotspotLoadSet } from './hotspot-sets';
import { fillHotspotDaysIfMissing, hotspotDayCovered, hotspotsFromDaysSql } from './hotspot-days-sql';
import {
  fillServedLoadsIfMissing,
  keepServedLoadsAcrossReadings,
  servedLoadsCover,
  substationLoadsFromServedSql,
} from './served-loads-sql';
import { fillServedDaysIfMissing, servedTablesCover } from './served-days-sql';
import { writeSiteKeepingDerived } from './site-write-sql';
import { readFeature } from './read-feature';
import { SCOPED } from './scoped-sql';
import type { Row } from '../row-values';
import { searchSql, toSearchHit } from './search-sql';
import { loadSumSql } from './sum-sql';
import type { SearchHit } from '@gridwatch/contract';
import { listAudit, type AuditQuery, type AuditRecordOut } from '../records/audit';
import type { Db } from '../records/db';
import { SessionsRepository } from '../records/sessions';
import { ApiTokensRepository } from '../records/api-tokens';
import { LoginFailuresRepository } from '../records/login-failures';
import { SitesRepository } from '../records/sites';
import { UsersRepository } from '../records/users';
import { ZonesRepository } from '../records/zones';
import { IdempotencyRepository } from '../records/idempotency';
import { AttachmentsRepository } from '../records/attachments';
import { ReportsRepository } from '../records/reports';
import { readReportRecords } from '../records/report-records';
import {
  readSchedule,
  writeSchedule,
  type ScheduleOutcome,
  type StoredSchedule,
} from '../records/report-schedule';
import type { ReportRecords } from '../../domain/reports';
import { scopeUtility } from '../scope';
import type { ReportSchedule } from '@gridwatch/contract';

import type { DataVersions } from '../ports/data-versions';

export type { Row };

// SQL keeps a little more than the tolerance; the exact DOMAIN.md test (isWithinKm) runs on the results, so
// both stores apply it to the same doubles.
const WITHIN_SLACK_KM = 1e-5;

/** What a read needs: a Prisma client, or the PostGIS pool where Prisma adds nothing (postgis-store.ts). */
export interface SqlReader {
  $queryRaw<T = unknown>(query: Sql): Promise<T>;
}

/** What the store needs of a Prisma client; both generated clients (SQLite, PostgreSQL) have it. */
export interface RawClient extends ImportClient, SqlReader {
  $disconnect(): Promise<void>;
}

/**
 * The ranked hotspot rows from the tables the store keeps, read unscoped, where they hold the question: at the
 * pairs table's radius, now one stored row per substation (hotspot-loads-sql.ts), as of a day the stored changes
 * up to it (hotspot-days-sql.ts). Null: the caller reads the pairs.
 */
function keptHotspotsSql(radiusKm: number, statuses: Status[], limit: number, at?: string): Sql | null {
  const set = hotspotLoadSet(statuses);
  if (!set) return null;
  if (hotspotLoadsCover(radiusKm, at)) return hotspotsFromLoadsSql(SCOPED.substations, set, limit);
  const day = hotspotDayCovered(radiusKm, at);
  return day === null ? null : hotspotsFromDaysSql(SCOPED.substations, set, day, limit);
}

/**
 * The behaviour both stores share: the same SQL over the same columns. An adapter adds what differs, such as
 * how a bounding box is prefiltered (R*Tree in SQLite, GiST in PostGIS).
 */
export abstract class SqlStore implements Store {
  abstract readonly backend: Backend;

  readonly users: UsersRepository;
  readonly sessions: SessionsRepository;
  readonly apiTokens: ApiTokensRepository;
  readonly loginFailures: LoginFailuresRepository;
  readonly sites: SitesRepository;
  readonly zones: ZonesRepository;
  readonly idempotency: IdempotencyRepository;
  readonly attachments: AttachmentsRepository;
  readonly reports: ReportsRepository;

  protected constructor(
    protected readonly db: RawClient,
    protected readonly records: Db,
  ) {
    this.users = new UsersRepository(records);
    this.idempotency = new IdempotencyRepository(records);
    this.attachments = new AttachmentsRepository(records);
    this.sessions = new SessionsRepository(records);
    this.apiTokens = new ApiTokensRepository(records);
    this.loginFailures = new LoginFailuresRepository(records);
    // The cluster cells and the hotspot aggregate follow every status change, retirement and restore.
    this.sites = new SitesRepository(records, (tx, siteId, write) =>
      writeSiteKeepingDerived(tx, this.backend, siteId, write),
    );
    this.zones = new ZonesRepository(records);
    this.reports = new ReportsRepository(records);
  }

  reportSchedule(): Promise<StoredSchedule> {
    return readSchedule(this.records);
  }

  setReportSchedule(next: ReportSchedule, version: number, username: string): Promise<ScheduleOutcome> {
    return writeSchedule(this.records, next, version, username);
  }

  reportRecords(
    utilityId: number,
    until: string,
    alsoSiteIds: readonly number[] = [],
  ): Promise<ReportRecords> {
    return readReportRecords(this.records, utilityId, until, alsoSiteIds);
  }

  listAudit(query: AuditQuery): Promise<AuditRecordOut[]> {
    return listAudit(this.records, query);
  }

  /** A condition on the layer's row `t` that keeps the rows whose extent meets the box (edges included). */
  protected abstract bboxCondition(layer: LayerId, bbox: Bbox): Sql;

  /** A prefilter on the point layer's row `t` keeping at least every row within `radiusKm` of the point. */
  protected abstract nearCondition(
    layer: 'sites' | 'substations',
    lon: number,
    lat: number,
    radiusKm: number,
  ): Sql;

  /** A prefilter keeping at least every pair of site `t` and substation `s` within `radiusKm` of each other. */
  protected abstract pairCondition(radiusKm: number): Sql;

  /** A prefilter keeping at least every site `t` within `widthKm` of the line `l`. */
  protected abstract lineCondition(line: LayerFeature<'lines'>, widthKm: number): Sql;

  abstract sitesInPolygon(
    geometry: Polygon | MultiPolygon,
    statuses: Status[] | null,
  ): Promise<LayerFeature<'sites'>[]>;

  abstract sitesInPolygonJson(
    geometry: Polygon | MultiPolygon,
    statuses: Status[] | null,
  ): Promise<SiteJson[]>;

  /** Each store encodes the rows of the shared tile SQL (sql/tile-sql.ts) its own way. */
  abstract tile(request: TileRequest): Promise<Uint8Array | null>;

  /** No replica unless an adapter has one (postgis/replica.ts). */
  writePosition(): Promise<string | null> {
    return Promise.resolve(null);
  }

  readsReplica(): boolean {
    return false;
  }

  replicaFailedRead(): void {}

  replicaState(): { usable: boolean; lagMs: number | null } | null {
    return null;
  }

  /** Rows stay in id order unless an adapter can order them by place (postgis-store.ts). */
  clusterByPlace(): Promise<boolean> {
    return Promise.resolve(false);
  }

  async dataVersions(): Promise<DataVersions> {
    // The same counters for every reader (no policy binds them), so read as the owner.
    const rows = await this.readUnscoped(sql`SELECT layer, version FROM data_versions`);
    return Object.fromEntries(rows.map((row) => [String(row.layer), Number(row.version)])) as DataVersions;
  }

  async layerInfos(): Promise<LayerInfo[]> {
    const infos: LayerInfo[] = [];
    for (const id of LAYER_IDS) {
      const { source, point } = LAYER_SQL[id];
      const extent = point
        ? sql`min(lon) AS "minLon", min(lat) AS "minLat", max(lon) AS "maxLon", max(lat) AS "maxLat"`
        : sql`min(min_lon) AS "minLon", min(min_lat) AS "minLat", max(max_lon) AS "maxLon", max(max_lat) AS "maxLat"`;
      const [row] = await this.db.$queryRaw<Row[]>(sql`SELECT count(*) AS count, ${extent} FROM ${source} t`);
      const count = Number(row?.count ?? 0);
      const bbox = !row || count === 0 ? null : [row.minLon, row.minLat, row.maxLon, row.maxLat].map(Number);
      infos.push({ id, ...LAYER_CATALOG[id], count, bbox });
    }
    return infos;
  }

  queryLayer<L extends LayerId>(layer: L, filter: LayerFilter): Promise<LayerPage<L>> {
    return this.queryRows(layer, filter);
  }

  async queryLayerJson(layer: PointLayerId, filter: LayerFilter): Promise<LayerJsonPage> {
    const { from } = LAYER_SQL[layer];
    const bbox = filter.bbox ? this.bboxCondition(layer, filter.bbox) : null;
    const load = layer === 'sites' ? sql`, t.load_mw AS "loadMw"` : empty;
    const rows = await this.scopedReader().$queryRaw<Row[]>(
      sql`SELECT ${featureJsonSelect(this.backend, layer)}${load} FROM ${from} ${filterWhere(layer, filter, bbox)} ${pageOrder(filter)}`,
    );
    const page = inIdOrder(rows, filter);
    const features: FeatureJson[] = [];
    for (const row of page.rows) {
      const id = int(row.id);
      // A row with a real the database writes unlike JavaScript (feature-json-sql.ts): its JSON made here.
      const json = row.json === null ? JSON.stringify(await readFeature(this.db, layer, id)) : str(row.json);
      features.push(row.loadMw === undefined ? { id, json } : { id, json, loadMw: num(row.loadMw) });
    }
    return { features, truncated: page.truncated };
  }

  /** As copyLayerJson: here the caller reads sitesInPolygonJson. */
  copySitesInPolygon(
    _geometry: Polygon | MultiPolygon,
    _statuses: Status[] | null,
    _chunkBytes: number,
  ): SitesJsonCopy | null {
    return null;
  }

  /** Only PostGIS copies a layer in one statement (postgis-store.ts); here the caller pages. */
  copyLayerJson(
    _layer: PointLayerId,
    _filter: Omit<LayerFilter, 'limit' | 'afterId' | 'beforeId'>,
    _chunkBytes: number,
  ): LayerJsonCopy | null {
    return null;
  }

  /** As copyLayerJson: here the caller reads queryLayerJson's page. */
  copyLayerPage(_layer: PointLayerId, _filter: LayerFilter, _chunkBytes: number): LayerJsonCopy | null {
    return null;
  }

  /** The columns of a SiteJson for the site `t` of LAYER_SQL.sites.from: the feature's text, status and load. */
  protected siteJsonColumns(): Sql {
    return sql`${featureJsonSelect(this.backend, 'sites')}, t.status AS status, t.load_mw AS "loadMw"`;
  }

  /** SiteJsons of rows read with siteJsonColumns; a row the database could not write is made here (rare). */
  protected async siteJsons(rows: Row[]): Promise<SiteJson[]> {
    const sites: SiteJson[] = [];
    for (const row of rows) {
      const id = int(row.id);
      const json =
        row.json === null ? JSON.stringify(await readFeature(this.db, 'sites', id)) : str(row.json);
      sites.push({ id, json, status: str(row.status) as Status, loadMw: num(row.loadMw) });
    }
    return sites;
  }

  async sitesWithinKmJson(
    lon: number,
    lat: number,
    radiusKm: number,
    statuses: Status[] | null,
  ): Promise<SiteJsonHit[]> {
    const distance = haversineKmSql(sql`t.lon`, sql`t.lat`, lon, lat);
    const statusSql = statuses ? sql`AND t.status IN (${join(statuses)})` : empty;
    const rows = await this.db.$queryRaw<Row[]>(sql`
      SELECT ${this.siteJsonColumns()}, ${distance} AS "distanceKm"
      FROM ${LAYER_SQL.sites.from}
      WHERE ${this.nearCondition('sites', lon, lat, radiusKm)} ${statusSql}
        AND ${distance} <= ${radiusKm + WITHIN_SLACK_KM}
      ORDER BY "distanceKm", t.id`);
    // The same exact test as `within`, on the same doubles.
    const near = rows.filter((row) => isWithinKm(Number(row.distanceKm), radiusKm));
    const sites = await this.siteJsons(near);
    return sites.map((site, i) => ({ ...site, distanceKm: Number(near[i]!.distanceKm) }));
  }

  /** Fills derived data a migration added to a database that already had rows (once; writes keep it after). */
  async fillDerivedData(): Promise<void> {
    await fillSiteUtilitiesIfMissing(this.db, (radiusKm) => this.pairCondition(radiusKm));
    await fillPairsIfMissing(this.db, (radiusKm) => this.pairCondition(radiusKm));
    await fillClusterCellsIfMissing(this.db);
    await fillHotspotLoadsIfMissing(this.db);
    await fillHotspotDaysIfMissing(this.db, this.backend);
    await fillServedLoadsIfMissing(this.db, this.backend);
    await fillServedDaysIfMissing(this.db, this.backend);
  }

  private async queryRows<L extends LayerId>(layer: L, filter: LayerFilter): Promise<LayerPage<L>> {
    const { columns, from } = LAYER_SQL[layer];
    const bbox = filter.bbox ? this.bboxCondition(layer, filter.bbox) : null;
    const whereSql = filterWhere(layer, filter, bbox);
    const rows = await this.db.$queryRaw<Row[]>(
      sql`SELECT ${columns} FROM ${from} ${whereSql} ${pageOrder(filter)}`,
    );
    const toFeature = rowToFeature[layer] as (row: Row) => LayerFeature<L>;
    const page = inIdOrder(rows, filter);
    return { features: page.rows.map(toFeature), truncated: page.truncated };
  }

  async firstStatusChangeAt(): Promise<string | null> {
    const [row] = await this.db.$queryRaw<Row[]>(
      sql`SELECT min(c.at) AS at FROM status_changes c JOIN ${SCOPED.sites} t ON t.id = c.site_id`,
    );
    return row?.at === null || row?.at === undefined ? null : String(row.at);
  }

  async countFeatures(layer: LayerId, filter: Omit<LayerFilter, 'limit'>, at?: string): Promise<number> {
    const { afterId: _after, beforeId: _before, ...all } = filter;
    const bbox = all.bbox ? this.bboxCondition(layer, all.bbox) : null;
    if (at !== undefined) {
      if (layer !== 'sites') throw new Error('only the sites have a state as of an instant');
      return countSitesAsOf(this.db, at, filterWhere('sites', all, bbox, sql`a.to_status`));
    }
    const { from } = LAYER_SQL[layer];
    const whereSql = filterWhere(layer, all, bbox);
    const [row] = await this.db.$queryRaw<Row[]>(sql`SELECT count(*) AS count FROM ${from} ${whereSql}`);
    return Number(row?.count ?? 0);
  }

  getFeature<L extends LayerId>(layer: L, id: number): Promise<LayerFeature<L> | null> {
    return readFeature(this.db, layer, id);
  }

  querySitesAsOf(at: string, filter: LayerFilter): Promise<LayerPage<'sites'>> {
    return querySitesAsOf(this.db, at, filter, (bbox) => this.bboxCondition('sites', bbox));
  }

  progressInputs(at: string): Promise<ProgressInputs> {
    return progressInputs(this.db, at);
  }

  sitesWithinKm(
    lon: number,
    lat: number,
    radiusKm: number,
    statuses: Status[] | null,
    at?: string,
  ): Promise<Hit<'sites'>[]> {
    return this.within('sites', lon, lat, radiusKm, statuses, at);
  }

  async nearestSubstations(lon: number, lat: number, k: number): Promise<Hit<'substations'>[]> {
    // Widen the search until it holds k substations: all within r are found exactly, so the k nearest of them
    // are the k nearest of all. Half the earth's circumference ends the search.
    for (let radiusKm = 25; ; radiusKm *= 4) {
      const hits = await this.within('substations', lon, lat, radiusKm, null);
      if (hits.length >= k || radiusKm > 20_000) return hits.slice(0, k);
    }
  }

  async siteCandidatesNearLine(
    lineId: number,
    widthKm: number,
    statuses: Status[] | null,
  ): Promise<LineCandidates | null> {
    const line = await this.getFeature('lines', lineId);
    if (!line) return null;
    const { columns, from } = LAYER_SQL.sites;
    const statusSql = statuses ? sql`AND t.status IN (${join(statuses)})` : empty;
    const rows = await this.db.$queryRaw<Row[]>(sql`SELECT ${columns} FROM ${from}
      WHERE ${this.lineCondition(line, widthKm)} ${statusSql} ORDER BY t.id`);
    return { line, sites: rows.map(rowToFeature.sites) };
  }

  async hotspots(radiusKm: number, statuses: Status[], limit: number, at?: string): Promise<HotspotRow[]> {
    const kept = keptHotspotsSql(radiusKm, statuses, limit, at);
    const rows = kept
      ? await this.readUnscoped(kept)
      : await this.hotspotRowsFromPairs(radiusKm, statuses, limit, at);
    return rows.map((r) => ({
      substationId: Number(r.substationId),
      name: String(r.name),
      nameZh: String(r.nameZh),
      siteCount: Number(r.siteCount),
      totalLoadMw: Number(r.totalLoadMw),
    }));
  }

  /**
   * A read the caller runs only outside a utility's scope (so no row-level security applies to it): the Prisma
   * client here; an adapter may take a cheaper way (postgis-store.ts).
   */
  protected readUnscoped(query: Sql): Promise<Row[]> {
    return this.unscopedReader().$queryRaw<Row[]>(query);
  }

  /** The reader of readUnscoped, for callers that hand it on. */
  protected unscopedReader(): SqlReader {
    return this.db;
  }

  /**
   * The reader for a read of the request's scope: unscoped outside a utility's (the cheaper way, where an adapter
   * has one), else the client whose transactions apply row-level security (postgis/scoped-adapter.ts).
   */
  protected scopedReader(): SqlReader {
    return scopeUtility() === null ? this.unscopedReader() : this.db;
  }

  /** Hotspots from the stored pairs within the radius, or from the spatial join beyond it; as of `at` if given. */
  private hotspotRowsFromPairs(
    radiusKm: number,
    statuses: Status[],
    limit: number,
    at?: string,
  ): Promise<Row[]> {
    const distance = haversineKmSql(sql`t.lon`, sql`t.lat`, sql`s.lon`, sql`s.lat`);
    // As of a past instant: each site's status is that of its record in force then (none yet: left out),
    // computed once for every site (statusesAtSql), not per pair.
    const status = at === undefined ? sql`t.status` : sql`a.status`;
    const asOf =
      at === undefined ? empty : sql`JOIN ${statusesAtSql(this.backend, at)} a ON a.site_id = t.id`;
    // The stored pairs within the radius when the pairs table covers it (site-substation-pairs-sql.ts), else
    // the pairs the spatial index finds, measured here.
    const pairs = pairsCover(radiusKm)
      ? sql`JOIN site_substation_pairs p ON p.substation_id = s.id AND p.distance_km <= ${radiusKm + WITHIN_TOLERANCE_KM}
        JOIN ${SCOPED.sites} t ON t.id = p.site_id`
      : sql`JOIN ${SCOPED.sites} t ON ${this.pairCondition(radiusKm)}
        AND ${distance} <= ${radiusKm + WITHIN_TOLERANCE_KM}`;
    return this.db.$queryRaw<Row[]>(sql`
      SELECT s.id AS "substationId", s.name, s.name_zh AS "nameZh", count(t.id) AS "siteCount",
        ${loadSumSql(sql`t.load_mw`)} AS "totalLoadMw"
      FROM ${SCOPED.substations} s ${pairs} ${asOf}
      WHERE ${status} IN (${join(statuses)})
      GROUP BY s.id, s.name, s.name_zh
      ORDER BY "totalLoadMw" DESC, s.id
      LIMIT ${limit}`);
  }

  async substationLoads(
    radiusKm: number,
    illegal: readonly Status[],
    day: ReadingDay,
  ): Promise<SubstationLoads[]> {
    // The meters' readings of the day's 24 hours.
    const readingsSql = sql`SELECT r.substation_id, max(r.mw) AS peak, count(*) AS n FROM ${SCOPED.readings} r
      WHERE r.hour >= ${day.fromHour} AND r.hour < ${day.fromHour + 24} GROUP BY r.substation_id`;
    // At the pairs' radius for the regulator: today, one stored row per meter (served-loads-sql.ts), unless the
    // data's statuses do not follow their records (the basis); a past day, or today then, the stored changes by
    // day up to it (served-days-sql.ts). Any other radius or scope reads the records.
    const fromServed = servedLoadsCover(radiusKm, illegal, day.endIso)
      ? await this.readUnscoped(substationLoadsFromServedSql(readingsSql, null))
      : null;
    const rows = fromServed?.every((r) => Number(r.basis) === 1)
      ? fromServed
      : servedTablesCover(radiusKm, illegal)
        ? await this.readUnscoped(substationLoadsFromServedSql(readingsSql, day.day))
        : await this.substationLoadRowsFromRecords(radiusKm, illegal, day, readingsSql);
    return rows.map((r) => ({
      substationId: Number(r.substationId),
      name: String(r.name),
      nameZh: String(r.nameZh),
      meteredPeakMw: r.meteredPeakMw === null ? null : Number(r.meteredPeakMw),
      readingsPeakMw: r.readingsPeakMw === null ? null : Number(r.readingsPeakMw),
      readingCount: Number(r.readingCount),
      baseLoadMw: Number(r.baseLoadMw),
      licensedLoadMw: Number(r.licensedLoadMw),
      knownIllegalLoadMw: Number(r.knownIllegalLoadMw),
    }));
  }

  /** Unexplained load's rows as of the end of `day`, each site with its status from the records then. */
  private substationLoadRowsFromRecords(
    radiusKm: number,
    illegal: readonly Status[],
    day: ReadingDay,
    readingsSql: Sql,
  ): Promise<Row[]> {
    const sums = explainedLoadSumsSql(illegal);
    // Each site with its status at the end of the day (none yet: left out, as a null status counts nowhere).
    const statuses = statusesAtSql(this.backend, day.endIso);
    // Each site's meter: its feeder, else the nearest metered substation, from the pairs table when it covers
    // the radius (one pass over the pairs), else looked up per site on the substations' columns.
    const sid = pairsCover(radiusKm)
      ? sql`COALESCE(t.feeder_substation_id, n.substation_id)`
      : explainingSubstationSql((r) => this.pairCondition(r), radiusKm);
    const nearest = pairsCover(radiusKm)
      ? sql`LEFT JOIN ${nearestMeteredByPairsSql(this.backend, radiusKm)} n ON n.site_id = t.id`
      : empty;
    // 0.0, not 0: Prisma types an SQLite expression column by its first value, and an integer there would
    // truncate every later sum.
    return this.db.$queryRaw<Row[]>(sql`
      WITH served AS (
        SELECT t.id AS site_id, ${sid} AS sid, a.status, t.load_mw
        FROM ${SCOPED.sites} t JOIN ${statuses} a ON a.site_id = t.id ${nearest}
      ), day_readings AS (${readingsSql})
      SELECT s.id AS "substationId", s.name, s.name_zh AS "nameZh", s.metered_peak_mw AS "meteredPeakMw",
        s.base_load_mw AS "baseLoadMw", d.peak AS "readingsPeakMw", COALESCE(d.n, 0) AS "readingCount",
        COALESCE(${sums.licensed}, 0.0) AS "licensedLoadMw", COALESCE(${sums.knownIllegal}, 0.0) AS "knownIllegalLoadMw"
      FROM ${SCOPED.substations} s LEFT JOIN served v ON v.sid = s.id
        LEFT JOIN day_readings d ON d.substation_id = s.id
      WHERE s.base_load_mw IS NOT NULL AND (s.metered_peak_mw IS NOT NULL OR d.n IS NOT NULL)
      GROUP BY s.id, s.name, s.name_zh, s.metered_peak_mw, s.base_load_mw, d.peak, d.n
      ORDER BY s.id`);
  }

  /** Points within the radius, nearest first; `at` (sites): each with, and filtered by, its status then. */
  private async within<L extends 'sites' | 'substations'>(
    layer: L,
    lon: number,
    lat: number,
    radiusKm: number,
    statuses: Status[] | null,
    at?: string,
  ): Promise<Hit<L>[]> {
    const { columns, from } = LAYER_SQL[layer];
    const asOf = layer === 'sites' && at !== undefined;
    const distance = haversineKmSql(sql`t.lon`, sql`t.lat`, lon, lat);
    const status = asOf ? sql`a.to_status` : sql`t.status`;
    const statusSql = statuses ? sql`AND ${status} IN (${join(statuses)})` : empty;
    const rows = await this.db.$queryRaw<Row[]>(sql`
      SELECT ${columns}, ${asOf ? sql`${AS_OF_COLUMNS},` : empty} ${distance} AS "distanceKm"
      FROM ${from} ${asOf ? asOfJoin(at) : empty}
      WHERE ${this.nearCondition(layer, lon, lat, radiusKm)} ${statusSql}
        AND ${distance} <= ${radiusKm + WITHIN_SLACK_KM}
      ORDER BY "distanceKm", t.id`);
    const toFeature = (asOf ? asOfSiteFeature : rowToFeature[layer]) as (row: Row) => LayerFeature<L>;
    return rows
      .map((row) => ({ feature: toFeature(row), distanceKm: Number(row.distanceKm) }))
      .filter((hit) => isWithinKm(hit.distanceKm, radiusKm));
  }

  substationReadings(substationId: number, fromHour: number, toHour: number): Promise<HourlyReading[]> {
    return substationReadings(this.db, substationId, fromHour, toHour);
  }

  meterDays(fromHour: number, toHour: number): Promise<MeterDay[]> {
    return meterDays(this.db, fromHour, toHour);
  }

  explainingSites(radiusKm: number): Promise<ExplainingSite[]> {
    return explainingSites(this.db, (r) => this.pairCondition(r), radiusKm);
  }

  substationIdsByExternalId(externalIds: readonly string[]): Promise<Map<string, number>> {
    return substationIdsByExternalId(this.db, externalIds);
  }

  writeReadings(rows: ReadingRows): Promise<number> {
    return writeReadings(
      this.db,
      rows,
      (r, from, to) => this.readingsInsert(r, from, to),
      (tx, ids, write) => keepServedLoadsAcrossReadings(tx, this.backend, ids, write),
    );
  }

  /** The store's bulk INSERT of readings [from, to) (store/sql/readings-sql.ts). */
  protected abstract readingsInsert(rows: ReadingRows, from: number, to: number): Sql;

  findImportRecords<L extends ImportLayer>(
    layer: L,
    externalIds: readonly string[],
  ): Promise<Map<string, ExistingRecord<L>>> {
    return findImportRecords(this.db, this.backend, layer, externalIds);
  }

  existingExternalIds(table: ReferenceTable, externalIds: readonly string[]): Promise<Set<string>> {
    return existingExternalIds(this.db, this.backend, table, externalIds);
  }

  applyImport<L extends ImportLayer>(plan: ImportPlan<L>): Promise<ImportCounts> {
    return applyImport(this.importClient(), this.backend, plan, (radiusKm) => this.pairCondition(radiusKm));
  }

  /** The client an import writes through: the store's own unless an adapter has a faster one. */
  protected importClient(): ImportClient {
    return this.db;
  }

  async search(text: string, limit: number): Promise<SearchHit[]> {
    return (await this.db.$queryRaw<Row[]>(searchSql(text, limit))).map(toSearchHit);
  }

  async close(): Promise<void> {
    await this.db.$disconnect();
  }
}
