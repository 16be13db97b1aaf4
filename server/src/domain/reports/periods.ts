/**
 * The reporting periods of a campaign (docs/reports.md, "Periods and due dates"). The schedule is a value an
 * admin may change (the lead stores and audits it), so every period, due instant and check is computed from
 * it, never from the clock or a constant. Days are Beijing days (packages/contract calendar-day.ts).
 *
 * - One period per calendar month the campaign touches, named YYYY-MM, from the later of the month's first day
 *   and `start` to the earlier of its last day and `deadline`.
 * - A monthly report is due at the END of the `graceDays`-th Beijing day after its period's last day: January
 *   (to 31 January) with 5 grace days is due at the end of 5 February, 2026-02-05T16:00:00.000Z. A submission
 *   stamped exactly then is on time (as a record at the end of a day counts to that day). It may be submitted
 *   once its period is over (`opensAt`, the end of its last day).
 * - The `final` report covers the whole campaign and is due at the end of the deadline day. Since it is due
 *   when its period ends, it opens at the start of the campaign's last month.
 */
import {
  CAMPAIGN,
  endOfDayIso,
  FINAL_PERIOD,
  MAX_GRACE_DAYS,
  MAX_MONTHLY_PERIODS,
  parseCalendarDay,
  startOfDayMs,
  type Parsed,
  type ReportingPeriod,
  type ReportSchedule,
} from '@gridwatch/contract';

/** The authority's schedule: the campaign, and five days after each month for its report. */
export const DEFAULT_SCHEDULE: ReportSchedule = { ...CAMPAIGN, graceDays: 5 };

const DAY_MS = 86_400_000;

/** The calendar day `n` days after `day` (YYYY-MM-DD; the arithmetic is on dates, not instants). */
export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00.000Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

/** The last day of month YYYY-MM. */
function lastDayOfMonth(month: string): string {
  const [year, mm] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, mm, 0)).toISOString().slice(0, 10);
}

function nextMonth(month: string): string {
  const [year, mm] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, mm, 1)).toISOString().slice(0, 7);
}

/** The periods of a schedule: the months in order, then `final`. The schedule must have passed checkSchedule. */
export function periodsOf(schedule: ReportSchedule): ReportingPeriod[] {
  const periods: ReportingPeriod[] = [];
  for (
    let month = schedule.start.slice(0, 7);
    month <= schedule.deadline.slice(0, 7);
    month = nextMonth(month)
  ) {
    const first = `${month}-01`;
    const last = lastDayOfMonth(month);
    const from = first < schedule.start ? schedule.start : first;
    const to = last > schedule.deadline ? schedule.deadline : last;
    periods.push({
      period: month,
      from,
      to,
      opensAt: endOfDayIso(to),
      dueAt: endOfDayIso(addDays(to, schedule.graceDays)),
    });
  }
  const lastMonth = periods[periods.length - 1];
  periods.push({
    period: FINAL_PERIOD,
    from: schedule.start,
    to: schedule.deadline,
    opensAt: new Date(startOfDayMs(lastMonth ? lastMonth.from : schedule.start)).toISOString(),
    dueAt: endOfDayIso(schedule.deadline),
  });
  return periods;
}

/**
 * A period named in a request: `final`, or YYYY-MM (two-digit month) of a month the campaign touches. The
 * reason says what is wrong, for a 400.
 */
export function parsePeriod(text: string, schedule: ReportSchedule): Parsed<ReportingPeriod> {
  if (text === FINAL_PERIOD) return { ok: true, value: finalPeriod(schedule) };
  if (!/^\d{4}-\d{2}$/.test(text)) return { ok: false, reason: `"${text}" is not a period YYYY-MM or final` };
  const month = Number(text.slice(5));
  if (month < 1 || month > 12) return { ok: false, reason: `${text} is not a month` };
  const found = periodsOf(schedule).find((p) => p.period === text);
  if (!found) {
    return {
      ok: false,
      reason: `${text} is outside the campaign (${schedule.start} to ${schedule.deadline})`,
    };
  }
  return { ok: true, value: found };
}

function finalPeriod(schedule: ReportSchedule): ReportingPeriod {
  const periods = periodsOf(schedule);
  return periods[periods.length - 1] as ReportingPeriod;
}

/** What is wrong with a schedule, each with the JSON pointer of the field, for VALIDATION_FAILED details. */
export interface ScheduleError {
  path: '/start' | '/deadline' | '/graceDays';
  message: string;
}

export type ScheduleCheck = { ok: true; value: ReportSchedule } | { ok: false; errors: ScheduleError[] };

/**
 * Whether a schedule may be set: real calendar days, start before deadline, at most MAX_MONTHLY_PERIODS
 * months, grace days an integer 0–31. `reportedPeriods` are the periods that already have a report (any
 * state): each must keep its days (from, to) in the new schedule, since a report's content was computed for
 * them. Due dates may move (a change of `graceDays`): lateness is judged against the schedule in force.
 */
export function checkSchedule(
  schedule: ReportSchedule,
  reportedPeriods: readonly ReportingPeriod[] = [],
): ScheduleCheck {
  const errors: ScheduleError[] = [];
  const start = parseCalendarDay(schedule.start);
  const deadline = parseCalendarDay(schedule.deadline);
  if (!start.ok) errors.push({ path: '/start', message: start.reason });
  if (!deadline.ok) errors.push({ path: '/deadline', message: deadline.reason });
  if (
    !Number.isInteger(schedule.graceDays) ||
    schedule.graceDays < 0 ||
    schedule.graceDays > MAX_GRACE_DAYS
  ) {
    errors.push({
      path: '/graceDays',
      message: `graceDays must be a whole number from 0 to ${MAX_GRACE_DAYS}`,
    });
  }
  if (start.ok && deadline.ok) {
    if (schedule.start >= schedule.deadline) {
      errors.push({
        path: '/deadline',
        message: `the deadline ${schedule.deadline} must be after the start ${schedule.start}`,
      });
    } else if (monthsSpanned(schedule.start, schedule.deadline) > MAX_MONTHLY_PERIODS) {
      errors.push({
        path: '/deadline',
        message: `a campaign may span at most ${MAX_MONTHLY_PERIODS} months; ${schedule.start} to ${schedule.deadline} spans more`,
      });
    }
  }
  if (errors.length > 0) return { ok: false, errors };
  const next = periodsOf(schedule);
  for (const reported of reportedPeriods) {
    const kept = next.find((p) => p.period === reported.period);
    if (kept && kept.from === reported.from && kept.to === reported.to) continue;
    const days = kept ? `${kept.from} to ${kept.to}` : 'nothing';
    errors.push({
      path: !kept
        ? reported.to < schedule.start
          ? '/start'
          : '/deadline'
        : kept.from !== reported.from
          ? '/start'
          : '/deadline',
      message: `period ${reported.period} has a report for ${reported.from} to ${reported.to}; the new schedule would make it ${days}`,
    });
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value: schedule };
}

function monthsSpanned(start: string, deadline: string): number {
  const months = (day: string) => Number(day.slice(0, 4)) * 12 + Number(day.slice(5, 7));
  return months(deadline) - months(start) + 1;
}
