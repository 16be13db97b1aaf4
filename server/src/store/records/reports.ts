import type { AttachmentOut, ReportingPeriod, ReportState } from '@gridwatch/contract';
import {
  afterStep,
  checkReportTransition,
  computeDraft,
  freezeReport,
  noReportYet,
  type ReportActor,
  type ReportHead,
  type ReportRefusal,
} from '../../domain/reports';
import { takeableAttachments, toAttachmentOut, type AttachmentRefusal } from './attachments';
import { appendAudit } from './audit';
import { nowIso, type Db, type Tx } from './db';
import { writeTransaction } from './idempotency';
import { readReportRecords } from './report-records';
import { reportInScope } from './scope-where';

/** A revision as stored, with its utility's names and its attachments. */
export interface ReportRecord {
  id: number;
  utilityId: number;
  utilityName: string;
  utilityNameZh: string;
  period: string;
  revision: number;
  state: ReportState;
  version: number;
  narrative: string;
  createdAt: string;
  createdBy: string;
  /** The canonical JSON frozen at submission; null for a draft. */
  content: string | null;
  sha256: string | null;
  submittedAt: string | null;
  submittedBy: string | null;
  reviewedAt: string | null;
  reviewedBy: string | null;
  reviewComment: string | null;
  attachments: AttachmentOut[];
}

/** Who acts, as the state machine and the audit trail need it. */
export interface ReportWriter extends ReportActor {
  username: string;
}

export type ReportOutcome =
  | { ok: true; report: ReportRecord }
  | { ok: false; refusal: ReportRefusal }
  | { ok: false; attachment: AttachmentRefusal };

const INCLUDE = {
  utility: { select: { name: true, nameZh: true } },
  attachments: { orderBy: { id: 'asc' as const }, include: { content: { select: { thumbnail: true } } } },
};

type Row = NonNullable<Awaited<ReturnType<Tx['report']['findFirst']>>> & {
  utility: { name: string; nameZh: string };
  attachments: (Parameters<typeof toAttachmentOut>[0] & { content: { thumbnail: Uint8Array | null } })[];
};

const toRecord = (row: Row): ReportRecord => ({
  id: row.id,
  utilityId: row.utilityId,
  utilityName: row.utility.name,
  utilityNameZh: row.utility.nameZh,
  period: row.period,
  revision: row.revision,
  state: row.state as ReportState,
  version: row.version,
  narrative: row.narrative,
  createdAt: row.createdAt,
  createdBy: row.createdBy,
  content: row.content,
  sha256: row.sha256,
  submittedAt: row.submittedAt,
  submittedBy: row.submittedBy,
  reviewedAt: row.reviewedAt,
  reviewedBy: row.reviewedBy,
  reviewComment: row.reviewComment,
  attachments: row.attachments.map((a) => toAttachmentOut(a, a.content.thumbnail !== null)),
});

const headOf = (row: {
  utilityId: number;
  revision: number;
  state: string;
  version: number;
}): ReportHead => ({
  utilityId: row.utilityId,
  revision: row.revision,
  state: row.state as ReportState,
  version: row.version,
});

const NOT_FOUND = (id: number): ReportOutcome => ({
  ok: false,
  refusal: { code: 'NOT_FOUND', message: `No report with id ${id}`, details: [] },
});

/** Prisma's code for a unique constraint's refusal, whichever store raised it. */
const isUniqueViolation = (error: unknown) =>
  typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'P2002';

/**
 * The utilities' periodic reports (docs/reports.md): every step checked by the domain's state machine, written
 * with its audit row in one transaction, the version in the WHERE so that a concurrent step loses cleanly. A
 * report outside the request's scope (another utility's, for a utility's user) is not there: 404.
 */
export class ReportsRepository {
  constructor(private readonly db: Db) {}

  async find(id: number): Promise<ReportRecord | null> {
    const row = await this.db.report.findFirst({ where: { id, ...reportInScope() }, include: INCLUDE });
    return row && toRecord(row as Row);
  }

  /** Revisions, by utility, period and revision (a utility's user: its own only). */
  async list(query: { utilityId?: number; period?: string }): Promise<ReportRecord[]> {
    const rows = await this.db.report.findMany({
      // AND, not a spread: the scope's utility must not replace the one asked for.
      where: {
        AND: [
          query.utilityId !== undefined ? { utilityId: query.utilityId } : {},
          query.period !== undefined ? { period: query.period } : {},
          reportInScope(),
        ],
      },
      include: INCLUDE,
      orderBy: [{ utilityId: 'asc' }, { period: 'asc' }, { revision: 'asc' }],
    });
    return rows.map((r) => toRecord(r as Row));
  }

  /** Opens the utility's report for `period`: revision 1, or the next after a returned one (its narrative and
   *  attachments copied, the returned revision left as it was). */
  async open(utilityId: number, period: ReportingPeriod, actor: ReportWriter): Promise<ReportOutcome> {
    try {
      return await this.openOnce(utilityId, period, actor);
    } catch (error) {
      // Another open of the same revision committed first (PostgreSQL runs them side by side; the unique
      // revision refuses the second): the state it left is what this open is refused by.
      if (!isUniqueViolation(error)) throw error;
      return this.openOnce(utilityId, period, actor);
    }
  }

  private openOnce(utilityId: number, period: ReportingPeriod, actor: ReportWriter): Promise<ReportOutcome> {
    return writeTransaction(this.db, async (tx) => {
      const latest = await tx.report.findFirst({
        where: { utilityId, period: period.period },
        orderBy: { revision: 'desc' },
        include: { attachments: true },
      });
      const head = latest ? headOf(latest) : noReportYet(utilityId);
      const refusal = checkReportTransition(head, { action: 'open', version: head.version }, actor);
      if (refusal) return { ok: false as const, refusal };
      const at = nowIso();
      const created = await tx.report.create({
        data: {
          utilityId,
          period: period.period,
          revision: afterStep(head, 'open').revision,
          state: 'draft',
          narrative: latest?.narrative ?? '',
          createdAt: at,
          createdBy: actor.username,
        },
      });
      // The same stored bytes, a row of the new revision's own: the returned revision keeps its attachments.
      for (const { id: _id, reportId: _r, statusChangeId: _s, ...copy } of latest?.attachments ?? []) {
        await tx.attachment.create({ data: { ...copy, reportId: created.id } });
      }
      await appendAudit(tx, {
        entity: 'report',
        entityId: created.id,
        action: 'open',
        username: actor.username,
        details: { utilityId, period: period.period, revision: created.revision },
        at,
      });
      return { ok: true as const, report: await this.read(tx, created.id) };
    });
  }

  /** Edits a draft: the narrative, and the attachments (the set after the edit). */
  edit(
    id: number,
    change: { narrative?: string; attachmentIds?: readonly number[] },
    version: number,
    actor: ReportWriter,
  ): Promise<ReportOutcome> {
    return writeTransaction(this.db, async (tx) => {
      const row = await tx.report.findFirst({
        where: { id, ...reportInScope() },
        include: { attachments: { select: { id: true } } },
      });
      if (!row) return NOT_FOUND(id);
      const refusal = checkReportTransition(headOf(row), { action: 'edit', version }, actor);
      if (refusal) return { ok: false as const, refusal };
      const held = new Set(row.attachments.map((a) => a.id));
      const wanted = change.attachmentIds ?? [...held];
      const added = wanted.filter((a) => !held.has(a));
      const takeable = await takeableAttachments(tx, added, actor.username);
      if (!takeable.ok) return { ok: false as const, attachment: takeable.refusal };
      const narrative = change.narrative !== undefined ? { narrative: change.narrative } : {};
      // The version first: a stale edit writes nothing.
      if (!(await this.step(tx, row, version, narrative))) {
        return this.stale(tx, row, { action: 'edit', version }, actor);
      }
      const dropped = [...held].filter((a) => !wanted.includes(a));
      // A dropped attachment goes back to its uploader's unattached uploads (removed after a day).
      await tx.attachment.updateMany({ where: { id: { in: dropped } }, data: { reportId: null } });
      await tx.attachment.updateMany({ where: { id: { in: added } }, data: { reportId: id } });
      await appendAudit(tx, {
        entity: 'report',
        entityId: id,
        action: 'edit',
        username: actor.username,
        details: {
          ...(change.narrative !== undefined ? { narrativeLength: change.narrative.length } : {}),
          ...(change.attachmentIds ? { attachmentIds: change.attachmentIds } : {}),
        },
      });
      return { ok: true as const, report: await this.read(tx, id) };
    });
  }

  /**
   * Submits a draft: its content computed from the records now (the period's end, or now if earlier), frozen
   * as canonical JSON with its SHA-256, stamped and never rewritten.
   */
  submit(id: number, period: ReportingPeriod, version: number, actor: ReportWriter, nowMs: number) {
    return writeTransaction(this.db, async (tx): Promise<ReportOutcome> => {
      const row = await tx.report.findFirst({
        where: { id, ...reportInScope() },
        include: { attachments: { select: { sha256: true } } },
      });
      if (!row) return NOT_FOUND(id);
      const step = { action: 'submit' as const, version, nowMs, opensAt: period.opensAt };
      const refusal = checkReportTransition(headOf(row), step, actor);
      if (refusal) return { ok: false as const, refusal };
      const records = await readReportRecords(tx, row.utilityId, new Date(nowMs).toISOString());
      const draft = computeDraft(records, row.utilityId, period, nowMs);
      const frozen = freezeReport({
        ...draft,
        revision: row.revision,
        narrative: row.narrative,
        attachments: row.attachments.map((a) => a.sha256),
      });
      const at = new Date(nowMs).toISOString();
      const stepped = await this.step(tx, row, version, {
        state: 'submitted',
        content: frozen.canonical,
        sha256: frozen.sha256,
        submittedAt: at,
        submittedBy: actor.username,
      });
      if (!stepped) return this.stale(tx, row, step, actor);
      await appendAudit(tx, {
        entity: 'report',
        entityId: id,
        action: 'submit',
        username: actor.username,
        details: { sha256: frozen.sha256, revision: row.revision, period: row.period },
        at,
      });
      return { ok: true as const, report: await this.read(tx, id) };
    });
  }

  /** The regulator's review of a submitted revision: accepted, or returned with what to change. */
  review(
    id: number,
    decision: 'accept' | 'return',
    comment: string | undefined,
    version: number,
    actor: ReportWriter,
  ): Promise<ReportOutcome> {
    return writeTransaction(this.db, async (tx) => {
      const row = await tx.report.findFirst({ where: { id, ...reportInScope() } });
      if (!row) return NOT_FOUND(id);
      const step =
        decision === 'accept'
          ? { action: 'accept' as const, version }
          : { action: 'return' as const, version, note: comment };
      const refusal = checkReportTransition(headOf(row), step, actor);
      if (refusal) return { ok: false as const, refusal };
      const at = nowIso();
      const text = comment?.trim() ? comment.trim() : null;
      const stepped = await this.step(tx, row, version, {
        state: afterStep(headOf(row), step.action).state,
        reviewedAt: at,
        reviewedBy: actor.username,
        reviewComment: text,
      });
      if (!stepped) return this.stale(tx, row, step, actor);
      await appendAudit(tx, {
        entity: 'report',
        entityId: id,
        action: step.action,
        username: actor.username,
        details: { comment: text, revision: row.revision, period: row.period },
        at,
      });
      return { ok: true as const, report: await this.read(tx, id) };
    });
  }

  /** Writes a step at `version` (bumping it); false when another step got there first. */
  private async step(tx: Tx, row: { id: number }, version: number, data: Record<string, unknown>) {
    const { count } = await tx.report.updateMany({
      where: { id: row.id, version },
      data: { ...data, version: { increment: 1 } },
    });
    return count === 1;
  }

  /** The refusal of a step that lost a race: the state machine again, against the report as it is now. */
  private async stale(
    tx: Tx,
    row: { id: number },
    step: Parameters<typeof checkReportTransition>[1],
    actor: ReportActor,
  ): Promise<ReportOutcome> {
    const now = await tx.report.findFirstOrThrow({ where: { id: row.id } });
    return { ok: false, refusal: checkReportTransition(headOf(now), step, actor)! };
  }

  private async read(tx: Tx, id: number): Promise<ReportRecord> {
    return toRecord((await tx.report.findFirstOrThrow({ where: { id }, include: INCLUDE })) as Row);
  }
}
