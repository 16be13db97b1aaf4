import type { AttachmentsRepository } from '../records/attachments';
import type { IdempotencyRepository } from '../records/idempotency';
import type { AuditQuery, AuditRecordOut } from '../records/audit';
import type { LoginFailuresRepository } from '../records/login-failures';
import type { ReportsRepository } from '../records/reports';
import type { ScheduleOutcome, StoredSchedule } from '../records/report-schedule';
import type { ReportRecords } from '../../domain/reports';
import type { ReportSchedule } from '@gridwatch/contract';
import type { SessionsRepository } from '../records/sessions';
import type { ApiTokensRepository } from '../records/api-tokens';
import type { SitesRepository } from '../records/sites';
import type { UsersRepository } from '../records/users';
import type { ZonesRepository } from '../records/zones';

/** The records people write one at a time (users, sessions, site statuses, zones) and the audit trail. */
export interface RecordsPort {
  readonly users: UsersRepository;
  readonly sessions: SessionsRepository;
  /** Read-only API tokens for GIS clients (docs/gis-clients.md). */
  readonly apiTokens: ApiTokensRepository;
  /** Failed logins per (username key, address), for the back-off (docs/security.md). */
  readonly loginFailures: LoginFailuresRepository;
  readonly sites: SitesRepository;
  readonly zones: ZonesRepository;
  /** Evidence files (docs/evidence.md). */
  readonly attachments: AttachmentsRepository;
  /** The utilities' periodic reports (docs/reports.md). */
  readonly reports: ReportsRepository;
  /** The reporting schedule in force (stored; the campaign's default until an admin sets one). */
  reportSchedule(): Promise<StoredSchedule>;
  /** Sets the schedule at its version, checked and audited. */
  setReportSchedule(next: ReportSchedule, version: number, username: string): Promise<ScheduleOutcome>;
  /** A utility's sites (and the others named) with their records up to `until`, as a report is computed from. */
  reportRecords(utilityId: number, until: string, alsoSiteIds?: readonly number[]): Promise<ReportRecords>;
  /** Idempotency keys of writes (docs/security.md, "Retries"). */
  readonly idempotency: IdempotencyRepository;
  /** Audit records of zones, imports and users, newest first. */
  listAudit(query: AuditQuery): Promise<AuditRecordOut[]>;
}
