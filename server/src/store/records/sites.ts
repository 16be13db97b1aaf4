import {
  checkStatusChange,
  type StatusChangeRefusal,
  type StatusChangeRequest,
} from '../../domain/status-change';
import type { Status } from '@gridwatch/contract';
import type { LayerFeature } from '../ports/layers';
import { readFeature } from '../sql/read-feature';
import { writeTransaction } from './idempotency';
import { nowIso, type Db } from './db';

export interface StatusChangeRecord {
  id: number;
  siteId: number;
  fromStatus: Status | null;
  toStatus: Status;
  note: string;
  username: string;
  at: string;
  zoneId: number | null;
}

export type StatusChangeOutcome =
  | { ok: true; version: number; change: StatusChangeRecord; feature: LayerFeature<'sites'> }
  | { ok: false; refusal: StatusChangeRefusal }
  | { ok: false; refusal: null }; // no such site

type Row = Omit<StatusChangeRecord, 'fromStatus' | 'toStatus'> & {
  fromStatus: string | null;
  toStatus: string;
};
const toRecord = (r: Row): StatusChangeRecord => ({
  ...r,
  fromStatus: r.fromStatus as Status | null,
  toStatus: r.toStatus as Status,
});

/** Site status changes: the check, the update and its audit row in one transaction. */
export class SitesRepository {
  constructor(private readonly db: Db) {}

  async changeStatus(
    siteId: number,
    request: StatusChangeRequest & { zoneId: number | null },
    username: string,
  ): Promise<StatusChangeOutcome> {
    return writeTransaction(this.db, async (tx) => {
      const site = await tx.site.findUnique({
        where: { id: siteId },
        select: { status: true, version: true },
      });
      if (!site) return { ok: false as const, refusal: null };
      const refusal = checkStatusChange({ status: site.status as Status, version: site.version }, request);
      if (refusal) return { ok: false as const, refusal };
      const at = nowIso();
      // The version in the WHERE makes a concurrent change lose cleanly instead of overwriting.
      const { count } = await tx.site.updateMany({
        where: { id: siteId, version: request.version },
        data: { status: request.status, statusChangedAt: at, version: { increment: 1 } },
      });
      if (count === 0) {
        const now = await tx.site.findUniqueOrThrow({ where: { id: siteId }, select: { version: true } });
        return {
          ok: false as const,
          refusal: checkStatusChange({ status: site.status as Status, version: now.version }, request)!,
        };
      }
      const change = await tx.statusChange.create({
        data: {
          siteId,
          fromStatus: site.status,
          toStatus: request.status,
          note: request.note!.trim(),
          username,
          at,
          zoneId: request.zoneId,
        },
      });
      // The site as this transaction left it: the answer, and what a retried request replays.
      const feature = (await readFeature(tx, 'sites', siteId))!;
      return { ok: true as const, version: request.version + 1, change: toRecord(change), feature };
    });
  }

  /** Status changes of one site or of all, newest first, paged by id (the audit route's view of them). */
  async changes(query: { siteId?: number; before?: number; limit: number }): Promise<StatusChangeRecord[]> {
    const rows = await this.db.statusChange.findMany({
      where: {
        ...(query.siteId !== undefined ? { siteId: query.siteId } : {}),
        ...(query.before !== undefined ? { id: { lt: query.before } } : {}),
      },
      orderBy: { id: 'desc' },
      take: query.limit,
    });
    return rows.map(toRecord);
  }

  /** The site's status changes, newest first; null when there is no such site. */
  async history(siteId: number): Promise<StatusChangeRecord[] | null> {
    if (!(await this.db.site.findUnique({ where: { id: siteId }, select: { id: true } }))) return null;
    const rows = await this.db.statusChange.findMany({
      where: { siteId },
      orderBy: [{ at: 'desc' }, { id: 'desc' }],
    });
    return rows.map(toRecord);
  }
}
