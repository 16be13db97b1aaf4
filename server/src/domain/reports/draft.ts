/**
 * The draft of a utility's report, pre-filled from the status-change records (docs/reports.md, "The draft").
 * Its figures are the progress report's (docs/progress.md) for that utility at the period's end: the sites as
 * of the instant are rebuilt here from their histories, as the store's as-of SQL does, and then counted by
 * `progressByUtility` and `standingOf` themselves, so the two can never count differently. What the draft adds
 * is what a report needs and the progress report does not say: which sites, and the changes in the period.
 */
import {
  endOfDayMs,
  ILLEGAL_DRAWING,
  startOfDayMs,
  type ReportChangeLine,
  type ReportFigures,
  type ReportingPeriod,
  type ReportSiteLine,
  type Status,
} from '@gridwatch/contract';
import { roundTo3 } from '../geo/haversine';
import { progressByUtility, standingOf, type SiteAsOf } from '../progress';

/** A status-change record (the `status_changes` row). `at` is an ISO 8601 instant. */
export interface StatusChangeRecord {
  id: number;
  siteId: number;
  fromStatus: Status | null;
  toStatus: Status;
  at: string;
  username: string;
  note: string;
}

/** A site with its utility as the records attribute it now (docs/progress.md, "Utility of a site"). */
export interface SiteRecord {
  id: number;
  utilityId: number | null;
  loadMw: number;
}

/**
 * What a draft is computed from: the utility's sites (other sites may be there; they are left out, except that
 * findDiscrepancies reads their utility) and their status-change records, in any order.
 */
export interface ReportRecords {
  sites: readonly SiteRecord[];
  changes: readonly StatusChangeRecord[];
}

export interface ReportDraft {
  utilityId: number;
  period: string;
  from: string;
  to: string;
  /** The instant the figures are taken at: the end of `to`, or `nowMs` when earlier (computeDraft). */
  asOf: string;
  figures: ReportFigures;
  /** The sites counted as found, by id, with where each stands. */
  sites: ReportSiteLine[];
  /** The records of the utility's sites within the period (after the start of `from`, up to `asOf`). */
  changes: ReportChangeLine[];
}

/** A site as its records stood at the instant; null when it had no record yet (docs/progress.md, "Status at"). */
export interface SiteAt extends SiteAsOf {
  id: number;
}

/**
 * Each site as its records stood at `atMs`, by site id: the `toStatus` of its last record with `at ≤ atMs`
 * (latest `at`, then latest id), and whether any record up to then made it illegal. Sites with no record by
 * then are left out, as the store's as-of join leaves them out.
 */
export function sitesAt(records: ReportRecords, atMs: number): Map<number, SiteAt> {
  const last = new Map<number, { ms: number; id: number; status: Status }>();
  const everIllegal = new Set<number>();
  for (const change of records.changes) {
    const ms = Date.parse(change.at);
    if (!(ms <= atMs)) continue;
    const before = last.get(change.siteId);
    if (!before || ms > before.ms || (ms === before.ms && change.id > before.id)) {
      last.set(change.siteId, { ms, id: change.id, status: change.toStatus });
    }
    if (ILLEGAL_DRAWING.includes(change.toStatus)) everIllegal.add(change.siteId);
  }
  const sites = new Map<number, SiteAt>();
  for (const site of [...records.sites].sort((a, b) => a.id - b.id)) {
    const record = last.get(site.id);
    if (!record) continue;
    sites.set(site.id, {
      id: site.id,
      utilityId: site.utilityId,
      loadMw: site.loadMw,
      status: record.status,
      everIllegal: everIllegal.has(site.id),
    });
  }
  return sites;
}

/** When a draft made at `nowMs` takes its figures: at the end of the period, or now if that comes first. */
export function draftInstantMs(period: ReportingPeriod, nowMs: number): number {
  return Math.min(endOfDayMs(period.to), nowMs);
}

/**
 * The draft of `utilityId`'s report for `period`, from the records, at the end of the period (or at `nowMs`,
 * when the report is made before its period ends: a final report sent before the deadline).
 */
export function computeDraft(
  records: ReportRecords,
  utilityId: number,
  period: ReportingPeriod,
  nowMs: number,
): ReportDraft {
  return computeDraftAt(records, utilityId, period, draftInstantMs(period, nowMs));
}

/**
 * The draft's content with the sites as of `atMs`, whatever instant that is (findDiscrepancies compares at a
 * later one too). The changes listed are those within the period up to `atMs`.
 */
export function computeDraftAt(
  records: ReportRecords,
  utilityId: number,
  period: Pick<ReportingPeriod, 'period' | 'from' | 'to'>,
  atMs: number,
): ReportDraft {
  const own = [...sitesAt(records, atMs).values()].filter((s) => s.utilityId === utilityId);
  return {
    utilityId,
    period: period.period,
    from: period.from,
    to: period.to,
    asOf: new Date(atMs).toISOString(),
    figures: figuresOf(own, utilityId),
    sites: siteLines(own),
    changes: changesWithin(
      records,
      utilityId,
      startOfDayMs(period.from),
      Math.min(atMs, endOfDayMs(period.to)),
    ),
  };
}

/** The progress report's numbers for the utility, from its sites as of the instant (in site id order). */
function figuresOf(sites: readonly SiteAt[], utilityId: number): ReportFigures {
  const [row] = progressByUtility([{ id: utilityId, name: '', nameZh: '' }], sites, 0);
  if (!row) throw new Error('progressByUtility gave no row for the utility');
  const { found, shutDown, licensedAfter, loadRemovedMw, loadStillDrawingMw } = row;
  return { found, shutDown, licensedAfter, loadRemovedMw, loadStillDrawingMw };
}

function siteLines(sites: readonly SiteAt[]): ReportSiteLine[] {
  const lines: ReportSiteLine[] = [];
  for (const site of sites) {
    const standing = standingOf(site);
    if (standing !== null) {
      lines.push({ siteId: site.id, status: site.status, standing, loadMw: roundTo3(site.loadMw) });
    }
  }
  return lines.sort((a, b) => a.siteId - b.siteId);
}

/** The records of the utility's sites with `fromMs < at ≤ toMs`, by time then id. */
function changesWithin(
  records: ReportRecords,
  utilityId: number,
  fromMs: number,
  toMs: number,
): ReportChangeLine[] {
  const own = new Set(records.sites.filter((s) => s.utilityId === utilityId).map((s) => s.id));
  return records.changes
    .map((c) => ({ change: c, ms: Date.parse(c.at) }))
    .filter(({ change, ms }) => own.has(change.siteId) && ms > fromMs && ms <= toMs)
    .sort((a, b) => a.ms - b.ms || a.change.id - b.change.id)
    .map(({ change, ms }) => ({
      id: change.id,
      siteId: change.siteId,
      from: change.fromStatus,
      to: change.toStatus,
      at: new Date(ms).toISOString(),
      by: change.username,
      note: change.note,
    }));
}
