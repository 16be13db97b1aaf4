import type { ReportingPeriod, ReportSchedule } from '@gridwatch/contract';
import { checkSchedule, DEFAULT_SCHEDULE, periodsOf, type ScheduleError } from '../../domain/reports';
import { appendAudit } from './audit';
import { nowIso, type Db, type Tx } from './db';
import { writeTransaction } from './idempotency';

/** The schedule in force and its version (no stored row: the campaign's default, version 1). */
export interface StoredSchedule {
  schedule: ReportSchedule;
  version: number;
}

export type ScheduleOutcome =
  | { ok: true; value: StoredSchedule }
  | { ok: false; reason: 'version'; currentVersion: number }
  | { ok: false; reason: 'invalid'; errors: ScheduleError[] };

/** Reads the schedule (inside a transaction or not): one row, id 1. */
export async function readSchedule(db: Db | Tx): Promise<StoredSchedule> {
  const row = await db.reportScheduleRow.findFirst({ where: { id: 1 } });
  if (!row) return { schedule: DEFAULT_SCHEDULE, version: 1 };
  return {
    schedule: { start: row.start, deadline: row.deadline, graceDays: row.graceDays },
    version: row.version,
  };
}

/**
 * Sets the schedule at `version` (docs/reports.md, "Periods"): refused when stale, or when checkSchedule says
 * it is wrong or moves the days of a period that already has a report (of any utility: the check reads all,
 * an admin is unscoped); audited with the schedule before and after, in the same transaction.
 */
export async function writeSchedule(
  db: Db,
  next: ReportSchedule,
  version: number,
  username: string,
): Promise<ScheduleOutcome> {
  return writeTransaction(db, async (tx) => {
    const current = await readSchedule(tx);
    if (current.version !== version) {
      return { ok: false as const, reason: 'version' as const, currentVersion: current.version };
    }
    const reported = await tx.report.findMany({ distinct: ['period'], select: { period: true } });
    const names = new Set(reported.map((r) => r.period));
    const periods: ReportingPeriod[] = periodsOf(current.schedule).filter((p) => names.has(p.period));
    const check = checkSchedule(next, periods);
    if (!check.ok) return { ok: false as const, reason: 'invalid' as const, errors: check.errors };
    const row = {
      start: next.start,
      deadline: next.deadline,
      graceDays: next.graceDays,
      version: version + 1,
      updatedAt: nowIso(),
      updatedBy: username,
    };
    await tx.reportScheduleRow.upsert({ where: { id: 1 }, create: { id: 1, ...row }, update: row });
    await appendAudit(tx, {
      entity: 'schedule',
      entityId: null,
      action: 'update',
      username,
      details: { before: current.schedule, after: next, version: version + 1 },
      at: row.updatedAt,
    });
    return { ok: true as const, value: { schedule: next, version: version + 1 } };
  });
}
