import type { ProgressQuery, ProgressReport, ProgressSeries, ProgressSeriesQuery } from '@gridwatch/contract';
import { endOfDayIso, endOfDayMs, startOfDayMs, todayInBeijing } from '@gridwatch/contract';
import { elapsedShare, progressByUtility } from '../domain/progress';
import { MAX_SERIES_POINTS, progressSeries, seriesDates, seriesLength } from '../domain/progress-series';
import { validationFailed } from '../http/app-error';
import { dayParam } from '../http/day-param';
import type { SpatialQueriesPort } from '../store/store';

interface CampaignDays {
  deadline: string;
  asOf: string;
  start: string;
}

/** The days of a progress query, checked and defaulted (docs/progress.md, "Validation"). */
function campaignDays(query: ProgressQuery, nowMs: number): CampaignDays {
  const deadline = dayParam('deadline', query.deadline);
  const asOf = query.asOf === undefined ? todayInBeijing(nowMs) : dayParam('asOf', query.asOf);
  const start = query.start === undefined ? `${deadline.slice(0, 4)}-01-01` : dayParam('start', query.start);
  if (start >= deadline) {
    const defaulted =
      query.start === undefined ? " (start defaults to 1 January of the deadline's year)" : '';
    const message = `start ${start} must be before the deadline ${deadline}${defaulted}`;
    throw validationFailed(message, [{ in: 'querystring', path: '/start', message }]);
  }
  return { deadline, asOf, start };
}

/** The report of a campaign as the records stood at the end of `asOf`. */
async function reportAt(
  store: Pick<SpatialQueriesPort, 'progressInputs'>,
  { deadline, start }: CampaignDays,
  asOf: string,
) {
  const elapsed = elapsedShare(startOfDayMs(start), endOfDayMs(deadline), endOfDayMs(asOf));
  const { utilities, sites } = await store.progressInputs(endOfDayIso(asOf));
  return { elapsedShare: elapsed.rounded, utilities: progressByUtility(utilities, sites, elapsed.exact) };
}

/**
 * GET /api/reports/progress: each utility's progress (DOMAIN.md) from the status-change records as they stood
 * at the end of `asOf` in Beijing time. The campaign runs from the start of `start` to the end of `deadline`.
 */
export async function progressReport(
  store: Pick<SpatialQueriesPort, 'progressInputs'>,
  query: ProgressQuery,
  nowMs: number,
): Promise<ProgressReport> {
  const days = campaignDays(query, nowMs);
  return { ...days, ...(await reportAt(store, days, days.asOf)) };
}

/**
 * GET /api/reports/progress/series: the report of every `stepDays`-th day from `start` to the earlier of
 * `asOf` and `deadline` (and that last day), each computed exactly as GET /api/reports/progress computes it.
 */
export async function progressReportSeries(
  store: Pick<SpatialQueriesPort, 'progressInputs'>,
  query: ProgressSeriesQuery,
  nowMs: number,
): Promise<ProgressSeries> {
  const days = campaignDays(query, nowMs);
  const stepDays = query.stepDays ?? 7;
  const last = days.asOf < days.deadline ? days.asOf : days.deadline;
  const length = seriesLength(days.start, last, stepDays);
  if (length > MAX_SERIES_POINTS) {
    const message =
      `stepDays ${stepDays} gives ${length} dates from ${days.start} to ${last}; ` +
      `at most ${MAX_SERIES_POINTS}: take a longer step`;
    throw validationFailed(message, [{ in: 'querystring', path: '/stepDays', message }]);
  }
  const dates = seriesDates(days.start, last, stepDays);
  const reports = [];
  // One date after the other: a series must not take every connection of the pool from other readers.
  for (const date of dates) reports.push(await reportAt(store, days, date));
  return {
    ...days,
    stepDays,
    dates,
    elapsedShare: reports.map((r) => r.elapsedShare),
    utilities: progressSeries(reports.map((r) => r.utilities)),
  };
}
