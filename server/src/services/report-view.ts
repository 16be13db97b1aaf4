import {
  endOfDayIso,
  todayInBeijing,
  type ReportContent,
  type ReportingPeriod,
  type ReportOut,
  type ReportSchedule,
  type ReportsOverview,
  type ReportSummary,
} from '@gridwatch/contract';
import { elapsedShare, progressByUtility } from '../domain/progress';
import {
  computeDraft,
  daysAfter,
  findDiscrepancies,
  periodsOf,
  reportContent,
  reportOverview,
} from '../domain/reports';
import { startOfDayMs, endOfDayMs } from '@gridwatch/contract';
import type { ReportRecord, Store } from '../store/store';

/** The period a stored report belongs to (checkSchedule keeps the days of every period that has a report). */
export function periodOf(schedule: ReportSchedule, name: string): ReportingPeriod {
  const period = periodsOf(schedule).find((p) => p.period === name);
  if (!period) throw new Error(`report of period ${name}, which the schedule no longer has`);
  return period;
}

/** A revision as a list shows it: its due instant and lateness from the schedule in force. */
export function reportSummary(report: ReportRecord, schedule: ReportSchedule): ReportSummary {
  const dueAt = periodOf(schedule, report.period).dueAt;
  return {
    id: report.id,
    utilityId: report.utilityId,
    utilityName: report.utilityName,
    utilityNameZh: report.utilityNameZh,
    period: report.period,
    revision: report.revision,
    state: report.state,
    version: report.version,
    dueAt,
    createdAt: report.createdAt,
    createdBy: report.createdBy,
    submittedAt: report.submittedAt,
    submittedBy: report.submittedBy,
    daysLate:
      report.submittedAt === null ? null : daysAfter(Date.parse(dueAt), Date.parse(report.submittedAt)),
    sha256: report.sha256,
    reviewedAt: report.reviewedAt,
    reviewedBy: report.reviewedBy,
    reviewComment: report.reviewComment,
  };
}

/**
 * A report in full (docs/reports.md): a draft's content computed from the records now; a submitted
 * revision's read back from its frozen text, with where the records now say otherwise.
 */
export async function reportView(
  store: Pick<Store, 'reports' | 'reportRecords'>,
  report: ReportRecord,
  schedule: ReportSchedule,
  nowMs: number,
): Promise<ReportOut> {
  const now = new Date(nowMs).toISOString();
  let content: ReportContent;
  let discrepancies: ReportOut['discrepancies'] = [];
  if (report.content === null) {
    const period = periodOf(schedule, report.period);
    const records = await store.reportRecords(report.utilityId, now);
    content = reportContent({
      ...computeDraft(records, report.utilityId, period, nowMs),
      revision: report.revision,
      narrative: report.narrative,
      attachments: report.attachments.map((a) => a.sha256),
    });
  } else {
    content = JSON.parse(report.content) as ReportContent;
    const listed = content.sites.map((s) => s.siteId);
    const records = await store.reportRecords(report.utilityId, now, listed);
    discrepancies = findDiscrepancies(content, records, nowMs);
  }
  const revisions = await store.reports.list({ utilityId: report.utilityId, period: report.period });
  return {
    ...reportSummary(report, schedule),
    narrative: report.narrative,
    attachments: report.attachments,
    content,
    discrepancies,
    revisions: revisions.map((r) => ({
      id: r.id,
      revision: r.revision,
      state: r.state,
      submittedAt: r.submittedAt,
      sha256: r.sha256,
    })),
  };
}

/** The regulator's overview of a period (a utility's user: its own row, as progressInputs is scoped). */
export async function reportsOverview(
  store: Pick<Store, 'reports' | 'progressInputs'>,
  schedule: ReportSchedule,
  period: ReportingPeriod,
  nowMs: number,
): Promise<ReportsOverview> {
  const today = todayInBeijing(nowMs);
  const { utilities, sites } = await store.progressInputs(endOfDayIso(today));
  const elapsed = elapsedShare(
    startOfDayMs(schedule.start),
    endOfDayMs(schedule.deadline),
    endOfDayMs(today),
  );
  const reports = await store.reports.list({ period: period.period });
  const rows = reportOverview({
    schedule,
    period,
    utilities,
    reports: reports.map((r) => ({
      utilityId: r.utilityId,
      period: r.period,
      revision: r.revision,
      state: r.state,
      submittedAt: r.submittedAt,
      figures: r.content === null ? null : (JSON.parse(r.content) as ReportContent).figures,
    })),
    progress: progressByUtility(utilities, sites, elapsed.exact),
    nowMs,
  });
  return { period, rows };
}
