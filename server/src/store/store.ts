/**
 * The one interface of persistence. Two adapters implement it (sqlite/, postgis/) with the same behaviour,
 * checked by the conformance suite. Routes and services see only this.
 */
import type { Feature, Geometry, MultiPolygon, Polygon } from 'geojson';
import type { LayerId, LayerInfo, LayerPropertiesMap } from '@gridwatch/contract';
import type { ReferenceTable } from '../domain/import/fields';
import type { ImportLayer } from '../domain/import/import-layers';
import type { ExistingRecord, ImportPlan } from '../domain/import/plan-import';
import type { SearchHit } from '@gridwatch/contract';
import type { ProgressInputs } from '../domain/progress';
import type { Status } from '@gridwatch/contract';
import type { SubstationLoads } from '../domain/unexplained-load';
import type { LayerFilter } from './layer-filter';
import type { TileRequest } from './tile-request';

export type { LayerFilter };
import type { AuditQuery, AuditRecordOut } from './records/audit';
import type { LoginFailuresRepository } from './records/login-failures';

export { ANY_USERNAME } from './records/login-failures';
import type { SessionsRepository } from './records/sessions';
import type { SitesRepository } from './records/sites';
import type { UserRecord, UsersRepository } from './records/users';
import type { ZonesRepository, ZoneWriteOutcome } from './records/zones';

export type { UserRecord, ZoneWriteOutcome };

export type Backend = 'sqlite' | 'postgis';

export type LayerFeature<L extends LayerId = LayerId> = Feature<Geometry, LayerPropertiesMap[L]> & {
  id: number;
};

export interface LayerPage<L extends LayerId = LayerId> {
  features: LayerFeature<L>[];
  truncated: boolean;
}

/** A feature with its great-circle distance (km, unrounded) from the point or line asked about. */
export interface Hit<L extends LayerId> {
  feature: LayerFeature<L>;
  distanceKm: number;
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

export interface Store {
  readonly backend: Backend;
  layerInfos(): Promise<LayerInfo[]>;
  /** Features ordered by id; at most `limit`, with `truncated` when more matched. */
  queryLayer<L extends LayerId>(layer: L, filter: LayerFilter): Promise<LayerPage<L>>;
  getFeature<L extends LayerId>(layer: L, id: number): Promise<LayerFeature<L> | null>;
  /**
   * The sites as their status-change records stood at the instant `at` (ISO 8601 UTC): each with its status
   * then; sites without a record by then left out; `statuses` filter on the status then. Ordered by id.
   */
  querySitesAsOf(at: string, filter: LayerFilter): Promise<LayerPage<'sites'>>;
  /** Every utility, and each site with a record by `at`: its status then, its load and its utility. */
  progressInputs(at: string): Promise<ProgressInputs>;
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
   * Substations with a metered peak and a base load, with the load of the sites they serve (fed by them, or
   * without a feeder and within `radiusKm`): licensed, and of the `illegal` statuses.
   */
  substationLoads(radiusKm: number, illegal: readonly Status[]): Promise<SubstationLoads[]>;
  /** Substations ranked by the load of the sites with these statuses within `radiusKm`, largest first. */
  /** `at`: rank by the statuses in force at this instant (ISO 8601 UTC) rather than now. */
  hotspots(radiusKm: number, statuses: Status[], limit: number, at?: string): Promise<HotspotRow[]>;
  /** The Mapbox Vector Tile of a layer (extent 4096, buffer 64, clusters at low zooms); null when empty. */
  tile(request: TileRequest): Promise<Uint8Array | null>;
  /** The stored rows of an import layer with these externalIds, as import records, keyed by externalId. */
  findImportRecords<L extends ImportLayer>(
    layer: L,
    externalIds: readonly string[],
  ): Promise<Map<string, ExistingRecord<L>>>;
  /** Which of these externalIds exist in the table. */
  existingExternalIds(table: ReferenceTable, externalIds: readonly string[]): Promise<Set<string>>;
  /** Writes an accepted import in one transaction; ImportConflictError when its rows moved since planning. */
  applyImport<L extends ImportLayer>(plan: ImportPlan<L>): Promise<void>;
  readonly users: UsersRepository;
  readonly sessions: SessionsRepository;
  readonly loginFailures: LoginFailuresRepository;
  readonly sites: SitesRepository;
  readonly zones: ZonesRepository;
  /** Audit records of zones, imports and users, newest first. */
  listAudit(query: AuditQuery): Promise<AuditRecordOut[]>;
  /** Features whose names or external id contain the text, best first (an exact match, a prefix, then any). */
  search(text: string, limit: number): Promise<SearchHit[]>;
  close(): Promise<void>;
}
