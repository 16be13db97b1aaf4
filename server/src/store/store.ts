/**
 * The one door to persistence, composed of ports by use. Two adapters implement it (sqlite/, postgis/) with
 * the same behaviour, checked by the conformance suite. Routes hold a Store; services and functions declare
 * the narrowest port they use. Routes and services import only this file (and tile-request, layer-filter).
 */
import type { DataVersionsPort } from './ports/data-versions';
import type { ImportsPort } from './ports/imports';
import type { LayersPort } from './ports/layers';
import type { ReadingsPort } from './ports/readings';
import type { RecordsPort } from './ports/records';
import type { ReplicationPort } from './ports/replication';
import type { SpatialQueriesPort } from './ports/spatial-queries';
import type { TilesPort } from './ports/tiles';

export type { LayerFilter } from './layer-filter';
export type {
  FeatureJson,
  LayerFeature,
  LayerJsonCopy,
  LayerJsonPage,
  LayerPage,
  LayersPort,
  PointLayerId,
} from './ports/layers';
export { isPointLayer } from './ports/layers';
export type {
  Hit,
  HotspotRow,
  LineCandidates,
  SiteJson,
  SiteJsonHit,
  SitesJsonCopy,
  SpatialQueriesPort,
} from './ports/spatial-queries';
export type { ImportsPort } from './ports/imports';
export type { RecordsPort } from './ports/records';
export type { MeterDay, ReadingRows, ReadingsPort } from './ports/readings';
export type { ReplicationPort } from './ports/replication';
export type { TilesPort } from './ports/tiles';
export type { DataVersions, DataVersionsPort, VersionedLayer } from './ports/data-versions';
export type { UserRecord } from './records/users';
export type { ApiTokenRecord } from './records/api-tokens';
export type { ZoneWriteOutcome } from './records/zones';
export type { ReportOutcome, ReportRecord, ReportWriter } from './records/reports';
export type { ScheduleOutcome, StoredSchedule } from './records/report-schedule';
export { ANY_USERNAME } from './records/login-failures';
export { IdempotencyKeyConflict, runWithIdempotencyKey, type IdempotencyScope } from './records/idempotency';

export type Backend = 'sqlite' | 'postgis';

export interface Store
  extends
    LayersPort,
    TilesPort,
    DataVersionsPort,
    ReplicationPort,
    SpatialQueriesPort,
    ImportsPort,
    RecordsPort,
    ReadingsPort {
  readonly backend: Backend;
  close(): Promise<void>;
  /**
   * Rewrites the sites in the order of place where the store can (PostGIS: CLUSTER, migration
   * 0024), so a tile's rows share pages; false where it cannot (SQLite keeps rows in id order). It locks the
   * table while it runs: an operator's step (`npm run admin -- cluster`), not a request's.
   */
  clusterByPlace(): Promise<boolean>;
}
