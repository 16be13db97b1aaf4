import {
  checkStatusChange,
  type StatusChangeRefusal,
  type StatusChangeRequest,
} from '../../domain/status-change';
import type { AttachmentOut, RetiredSite, Status } from '@gridwatch/contract';
import type { LayerFeature } from '../ports/layers';
import { readFeature } from '../sql/read-feature';
import { appendAudit } from './audit';
import { takeableAttachments, takeAttachments, toAttachmentOut, type AttachmentRefusal } from './attachments';
import { writeTransaction } from './idempotency';
import { nowIso, type Db, type Tx } from './db';
import { siteInScope } from './scope-where';

export interface StatusChangeRecord {
  id: number;
  siteId: number;
  fromStatus: Status | null;
  toStatus: Status;
  note: string;
  username: string;
  at: string;
  observedAt: string | null;
  zoneId: number | null;
  attachments: AttachmentOut[];
}

export type StatusChangeOutcome =
  | { ok: true; version: number; change: StatusChangeRecord; feature: LayerFeature<'sites'> }
  | { ok: false; refusal: StatusChangeRefusal }
  | { ok: false; refusal: null } // no such site
  | { ok: false; attachment: AttachmentRefusal };

type Row = Omit<StatusChangeRecord, 'fromStatus' | 'toStatus' | 'attachments'> & {
  fromStatus: string | null;
  toStatus: string;
};
const toRecord = (r: Row, attachments: AttachmentOut[] = []): StatusChangeRecord => ({
  id: r.id,
  siteId: r.siteId,
  fromStatus: r.fromStatus as Status | null,
  toStatus: r.toStatus as Status,
  note: r.note,
  username: r.username,
  at: r.at,
  observedAt: r.observedAt,
  zoneId: r.zoneId,
  attachments,
});

/** A change read with its attachments (the thumbnail read only to say whether there is one). */
const WITH_ATTACHMENTS = {
  attachments: {
    orderBy: { id: 'asc' as const },
    include: { content: { select: { thumbnail: true } } },
  },
};
type RowWithAttachments = Row & {
  attachments: (Parameters<typeof toAttachmentOut>[0] & { content: { thumbnail: Uint8Array | null } })[];
};
const withAttachments = (r: RowWithAttachments) =>
  toRecord(
    r,
    r.attachments.map((a) => toAttachmentOut(a, a.content.thumbnail !== null)),
  );

export type RetirementOutcome<T> =
  | { ok: true; value: T }
  | { ok: false; reason: 'not-found' }
  | { ok: false; reason: 'version'; currentVersion: number };

/**
 * Runs one write to site `siteId` (a status change, a retirement, a restore; `write` answers how many rows it
 * wrote) in the transaction `tx`, with the data the store derives from the sites kept in step around it
 * (sql/site-write-sql.ts).
 */
export type SiteWriteKeeper = (tx: Tx, siteId: number, write: () => Promise<number>) => Promise<number>;

/** The audit row's account of the site retired or restored. */
const SITE_AUDIT_FIELDS = {
  id: true,
  externalId: true,
  name: true,
  nameZh: true,
  status: true,
  loadMw: true,
  version: true,
  retiredAt: true,
  retiredBy: true,
} as const;

/**
 * Site status changes (the check, the update and its audit row in one transaction), and retiring a wrong site or
 * restoring it (docs/auth-and-audit.md): a retired site has a `retired_at` and is invisible to every read,
 * including these repositories' status changes and history.
 */
export class SitesRepository {
  /** Every write here to a site's status or retirement runs through `keepDerived`. */
  constructor(
    private readonly db: Db,
    private readonly keepDerived: SiteWriteKeeper,
  ) {}

  async changeStatus(
    siteId: number,
    request: StatusChangeRequest & {
      zoneId: number | null;
      attachmentIds: readonly number[];
      /** The field time of a change sent from the offline queue, checked by the caller. */
      observedAt?: string | null;
    },
    username: string,
  ): Promise<StatusChangeOutcome> {
    return writeTransaction(this.db, async (tx) => {
      const site = await tx.site.findUnique({
        where: { id: siteId, retiredAt: null, ...siteInScope() },
        select: { status: true, version: true, lon: true, lat: true },
      });
      if (!site) return { ok: false as const, refusal: null };
      const refusal = checkStatusChange({ status: site.status as Status, version: site.version }, request);
      if (refusal) return { ok: false as const, refusal };
      const takeable = await takeableAttachments(tx, request.attachmentIds, username);
      if (!takeable.ok) return { ok: false as const, attachment: takeable.refusal };
      const at = nowIso();
      // The version in the WHERE makes a concurrent change lose cleanly instead of overwriting. The record is
      // written inside the write the derived data follow: the hotspots by day read it (hotspot-days-sql.ts).
      const written: { change?: Awaited<ReturnType<typeof tx.statusChange.create>> } = {};
      const count = await this.keepDerived(tx, siteId, async () => {
        const updated = await tx.site.updateMany({
          where: { id: siteId, version: request.version, retiredAt: null, ...siteInScope() },
          data: { status: request.status, statusChangedAt: at, version: { increment: 1 } },
        });
        if (updated.count === 0) return 0;
        written.change = await tx.statusChange.create({
          data: {
            siteId,
            fromStatus: site.status,
            toStatus: request.status,
            note: request.note!.trim(),
            username,
            at,
            observedAt: request.observedAt ?? null,
            zoneId: request.zoneId,
          },
        });
        return updated.count;
      });
      const change = written.change;
      if (count === 0 || !change) {
        const now = await tx.site.findUniqueOrThrow({ where: { id: siteId }, select: { version: true } });
        return {
          ok: false as const,
          refusal: checkStatusChange({ status: site.status as Status, version: now.version }, request)!,
        };
      }
      const attachments = await takeAttachments(tx, change.id, takeable, site);
      // The site as this transaction left it: the answer, and what a retried request replays.
      const feature = (await readFeature(tx, 'sites', siteId))!;
      return {
        ok: true as const,
        version: request.version + 1,
        change: toRecord(change, attachments),
        feature,
      };
    });
  }

  /** Status changes of one site or of all, newest first, paged by id (the audit route's view of them). */
  async changes(query: { siteId?: number; before?: number; limit: number }): Promise<StatusChangeRecord[]> {
    const rows = await this.db.statusChange.findMany({
      where: {
        ...(query.siteId !== undefined ? { siteId: query.siteId } : {}),
        ...(query.before !== undefined ? { id: { lt: query.before } } : {}),
        site: siteInScope(),
      },
      orderBy: { id: 'desc' },
      take: query.limit,
      include: WITH_ATTACHMENTS,
    });
    return rows.map(withAttachments);
  }

  /** The site's status changes, newest first; null when there is no such site (or it is retired). */
  async history(siteId: number): Promise<StatusChangeRecord[] | null> {
    // findFirst, not findUnique: Prisma batches findUnique calls of one tick across requests, and a batch runs
    // in the scope of the request that started it.
    const site = await this.db.site.findFirst({
      where: { id: siteId, retiredAt: null, ...siteInScope() },
      select: { id: true },
    });
    if (!site) return null;
    const rows = await this.db.statusChange.findMany({
      where: { siteId },
      orderBy: [{ at: 'desc' }, { id: 'desc' }],
      include: WITH_ATTACHMENTS,
    });
    return rows.map(withAttachments);
  }

  /**
   * Retires a live site at `version`: sets retired_at and retired_by, bumps the version (so an edit or an import
   * planned against the live site is refused as stale) and writes the audit row with the reason, in one
   * transaction. The site, its status changes and its region memberships stay, for the record and a restore.
   */
  retire(
    siteId: number,
    version: number,
    reason: string,
    username: string,
  ): Promise<RetirementOutcome<RetiredSite>> {
    return writeTransaction(this.db, async (tx) => {
      const at = nowIso();
      const count = await this.keepDerived(tx, siteId, async () => {
        const updated = await tx.site.updateMany({
          where: { id: siteId, version, retiredAt: null },
          data: { retiredAt: at, retiredBy: username, version: { increment: 1 } },
        });
        return updated.count;
      });
      if (count === 0) return refusal(tx, siteId, { retiredAt: null });
      const site = await tx.site.findUniqueOrThrow({ where: { id: siteId }, select: SITE_AUDIT_FIELDS });
      const note = reason.trim();
      await appendAudit(tx, {
        entity: 'site',
        entityId: siteId,
        action: 'retire',
        username,
        at,
        details: { reason: note, site },
      });
      return { ok: true as const, value: toRetiredSite(site, note) };
    });
  }

  /** Brings a retired site at `version` back: clears retired_at and retired_by, bumps the version, audits why. */
  restore(
    siteId: number,
    version: number,
    reason: string,
    username: string,
  ): Promise<RetirementOutcome<{ version: number; feature: LayerFeature<'sites'> }>> {
    return writeTransaction(this.db, async (tx) => {
      const before = await tx.site.findUnique({
        where: { id: siteId, retiredAt: { not: null } },
        select: SITE_AUDIT_FIELDS,
      });
      const count = await this.keepDerived(tx, siteId, async () => {
        const updated = await tx.site.updateMany({
          where: { id: siteId, version, retiredAt: { not: null } },
          data: { retiredAt: null, retiredBy: null, version: { increment: 1 } },
        });
        return updated.count;
      });
      if (count === 0 || !before) return refusal(tx, siteId, { retiredAt: { not: null } });
      await appendAudit(tx, {
        entity: 'site',
        entityId: siteId,
        action: 'restore',
        username,
        details: { reason: reason.trim(), site: before },
      });
      // The site back in the layer, as this transaction left it: the answer a retried restore replays.
      const feature = (await readFeature(tx, 'sites', siteId))!;
      return { ok: true as const, value: { version: version + 1, feature } };
    });
  }

  /** The retired sites, the latest retired first, each with the reason of its retirement's audit row. */
  async retired(): Promise<RetiredSite[]> {
    const sites = await this.db.site.findMany({
      where: { retiredAt: { not: null }, ...siteInScope() },
      select: SITE_AUDIT_FIELDS,
      orderBy: [{ retiredAt: 'desc' }, { id: 'desc' }],
    });
    if (sites.length === 0) return [];
    const records = await this.db.auditRecord.findMany({
      where: { entity: 'site', action: 'retire', entityId: { in: sites.map((s) => s.id) } },
      orderBy: { id: 'desc' },
      select: { entityId: true, details: true },
    });
    const reasons = new Map<number, string>();
    for (const r of records) {
      if (r.entityId === null || reasons.has(r.entityId)) continue;
      const { reason } = JSON.parse(r.details) as { reason?: unknown };
      reasons.set(r.entityId, typeof reason === 'string' ? reason : '');
    }
    return sites.map((s) => toRetiredSite(s, reasons.get(s.id) ?? ''));
  }
}

type SiteAuditFields = {
  id: number;
  externalId: string;
  name: string;
  nameZh: string;
  status: string;
  loadMw: number;
  version: number;
  retiredAt: string | null;
  retiredBy: string | null;
};

const toRetiredSite = (s: SiteAuditFields, reason: string): RetiredSite => ({
  id: s.id,
  externalId: s.externalId,
  name: s.name,
  nameZh: s.nameZh,
  status: s.status as Status,
  loadMw: s.loadMw,
  retiredAt: s.retiredAt ?? '',
  retiredBy: s.retiredBy ?? '',
  reason,
  version: s.version,
});

/** Why a retirement or restore wrote nothing: no such site in the state asked for, or another version. */
async function refusal(
  tx: Tx,
  siteId: number,
  state: { retiredAt: null } | { retiredAt: { not: null } },
): Promise<{ ok: false; reason: 'not-found' } | { ok: false; reason: 'version'; currentVersion: number }> {
  const site = await tx.site.findUnique({ where: { id: siteId, ...state }, select: { version: true } });
  return site
    ? { ok: false, reason: 'version', currentVersion: site.version }
    : { ok: false, reason: 'not-found' };
}
