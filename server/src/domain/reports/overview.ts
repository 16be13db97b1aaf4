/**
 * The regulator's overview of one period (docs/reports.md, "The overview"): for each utility, where its report
 * stands, its reported against its current figures, and its pace against the time gone by. It answers "whom
 * do I chase first?", so it is sorted by what needs attention:
 *
 *   1. MISSING (due passed, nothing submitted) and LATE (submitted after the due instant, awaiting review),
 *      most days late first;
 *   2. RETURNED (the regulator sent it back; the utility owes a new revision);
 *   3. nothing found (`found` 0: shown as NOTHING_FOUND, never as "100 % done, on track");
 *   4. behind schedule (share done below the share of time gone by), the largest gap first;
 *   5. the rest (on time and awaiting review, accepted, not yet due, with a pace on track);
 *
 * ties by utility id. A row goes to the first group it qualifies for.
 *
 * Lateness is that of the FIRST submission: a report sent on time and returned was not late; the return is
 * the review's outcome, shown as RETURNED. Days late are Beijing days: the due instant is the end of a Beijing
 * day, and a submission on the k-th day after it is k days late (an instant at the end of a day counts to that
 * day). The pace is the progress report's at the end of today (docs/progress.md): `shareDone` and the elapsed
 * share from the schedule's start to its deadline, compared unrounded.
 */
import {
  endOfDayMs,
  startOfDayMs,
  todayInBeijing,
  type OverviewRow,
  type OverviewState,
  type Pace,
  type ReportFigures,
  type ReportingPeriod,
  type ReportSchedule,
  type ReportState,
} from '@gridwatch/contract';
import { elapsedShare, roundShare, type UtilityProgress, type UtilityRef } from '../progress';

/** One revision of a utility's report, as the overview needs it. */
export interface ReportRevisionSummary {
  utilityId: number;
  period: string;
  revision: number;
  state: ReportState;
  /** When this revision was submitted (ISO instant); null while a draft. */
  submittedAt: string | null;
  /** The figures of its content; null while a draft. */
  figures: ReportFigures | null;
}

export interface OverviewInputs {
  schedule: ReportSchedule;
  period: ReportingPeriod;
  utilities: readonly UtilityRef[];
  /** Revisions of any utility and period: those of `period` are taken. */
  reports: readonly ReportRevisionSummary[];
  /** Each utility's progress now: progressByUtility at the end of today in Beijing (the unassigned row is ignored). */
  progress: readonly UtilityProgress[];
  nowMs: number;
}

const DAY_MS = 86_400_000;

/** Beijing days from the due instant (the end of a day) to `atMs`: 0 when at or before it. */
export function daysAfter(dueMs: number, atMs: number): number {
  return atMs <= dueMs ? 0 : Math.ceil((atMs - dueMs) / DAY_MS);
}

export function reportOverview(inputs: OverviewInputs): OverviewRow[] {
  const { schedule, period, nowMs } = inputs;
  const dueMs = Date.parse(period.dueAt);
  const elapsed = elapsedShare(
    startOfDayMs(schedule.start),
    endOfDayMs(schedule.deadline),
    endOfDayMs(todayInBeijing(nowMs)),
  );
  const progress = new Map(inputs.progress.map((p) => [p.utilityId, p]));
  const ranked = inputs.utilities.map((utility) => {
    const revisions = inputs.reports
      .filter((r) => r.utilityId === utility.id && r.period === period.period)
      .sort((a, b) => a.revision - b.revision);
    const latest = revisions[revisions.length - 1];
    const submissions = revisions
      .filter((r) => r.submittedAt !== null)
      .map((r) => Date.parse(r.submittedAt as string))
      .sort((a, b) => a - b);
    const first = submissions[0];
    const last = submissions[submissions.length - 1];

    let state: OverviewState;
    let daysLate = first === undefined ? daysAfter(dueMs, nowMs) : daysAfter(dueMs, first);
    if (latest?.state === 'accepted') state = 'ACCEPTED';
    else if (latest?.state === 'returned' || (latest?.state === 'draft' && latest.revision > 1))
      state = 'RETURNED';
    else if (latest?.state === 'submitted') state = daysLate > 0 ? 'LATE' : 'ON_TIME';
    else if (nowMs > dueMs) state = 'MISSING';
    else {
      state = 'DUE';
      daysLate = 0;
    }

    const row = progress.get(utility.id);
    const current: ReportFigures = {
      found: row?.found ?? 0,
      shutDown: row?.shutDown ?? 0,
      licensedAfter: row?.licensedAfter ?? 0,
      loadRemovedMw: row?.loadRemovedMw ?? 0,
      loadStillDrawingMw: row?.loadStillDrawingMw ?? 0,
    };
    const share = current.found === 0 ? null : (current.shutDown + current.licensedAfter) / current.found;
    const pace: Pace = share === null ? 'NOTHING_FOUND' : share < elapsed.exact ? 'BEHIND' : 'ON_TRACK';
    const reported = [...revisions].reverse().find((r) => r.state !== 'draft' && r.figures !== null);

    const out: OverviewRow = {
      utilityId: utility.id,
      name: utility.name,
      nameZh: utility.nameZh,
      state,
      daysLate,
      revision: latest ? latest.revision : null,
      submittedAt: last === undefined ? null : new Date(last).toISOString(),
      reported: reported?.figures ?? null,
      current,
      pace,
      shareDone: share === null ? null : roundShare(current.shutDown + current.licensedAfter, current.found),
      elapsedShare: elapsed.rounded,
    };
    return { out, group: group(state, pace), gap: share === null ? 0 : elapsed.exact - share };
  });

  ranked.sort(
    (a, b) =>
      a.group - b.group ||
      (a.group === 0 ? b.out.daysLate - a.out.daysLate : 0) ||
      (a.group === 3 ? b.gap - a.gap : 0) ||
      a.out.utilityId - b.out.utilityId,
  );
  return ranked.map((r) => r.out);
}

/** The attention group of a row (0 first); see the module's comment. */
function group(state: OverviewState, pace: Pace): number {
  if (state === 'MISSING' || state === 'LATE') return 0;
  if (state === 'RETURNED') return 1;
  if (pace === 'NOTHING_FOUND') return 2;
  if (pace === 'BEHIND') return 3;
  return 4;
}
