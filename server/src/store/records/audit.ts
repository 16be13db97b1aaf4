import type { Db, Tx } from './db';
import { nowIso } from './db';

export type AuditEntity = 'site' | 'zone' | 'user' | 'import' | 'report' | 'schedule';

export interface AuditEntry {
  entity: AuditEntity;
  entityId: number | null;
  action: string;
  username: string;
  details: unknown;
  /** When (ISO 8601 UTC); now unless the change records its own time, which the audit row then shares. */
  at?: string;
}

export interface AuditRecordOut {
  id: number;
  entity: AuditEntity;
  entityId: number | null;
  action: string;
  username: string;
  at: string;
  details: unknown;
}

/** Appends one audit row inside the caller's transaction: the change and its record commit together. */
export async function appendAudit(tx: Tx, entry: AuditEntry): Promise<void> {
  await tx.auditRecord.create({
    data: {
      entity: entry.entity,
      entityId: entry.entityId,
      action: entry.action,
      username: entry.username,
      at: entry.at ?? nowIso(),
      details: JSON.stringify(entry.details ?? {}),
    },
  });
}

export interface AuditQuery {
  entity?: AuditEntity;
  entityId?: number;
  limit: number;
  /** Rows with a smaller id than this (keyset paging, newest first). */
  before?: number;
}

export async function listAudit(db: Db, query: AuditQuery): Promise<AuditRecordOut[]> {
  const rows = await db.auditRecord.findMany({
    where: {
      ...(query.entity ? { entity: query.entity } : {}),
      ...(query.entityId !== undefined ? { entityId: query.entityId } : {}),
      ...(query.before !== undefined ? { id: { lt: query.before } } : {}),
    },
    orderBy: { id: 'desc' },
    take: query.limit,
  });
  return rows.map((r) => ({
    ...r,
    entity: r.entity as AuditEntity,
    details: JSON.parse(r.details) as unknown,
  }));
}
