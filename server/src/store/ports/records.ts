import type { AuditQuery, AuditRecordOut } from '../records/audit';
import type { SessionsRepository } from '../records/sessions';
import type { SitesRepository } from '../records/sites';
import type { UsersRepository } from '../records/users';
import type { ZonesRepository } from '../records/zones';

/** The records people write one at a time (users, sessions, site statuses, zones) and the audit trail. */
export interface RecordsPort {
  readonly users: UsersRepository;
  readonly sessions: SessionsRepository;
  readonly sites: SitesRepository;
  readonly zones: ZonesRepository;
  /** Audit records of zones, imports and users, newest first. */
  listAudit(query: AuditQuery): Promise<AuditRecordOut[]>;
}
