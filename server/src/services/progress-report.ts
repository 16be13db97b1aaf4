import type { ProgressQuery, ProgressReport } from '../api/progress';
import { endOfDayIso, endOfDayMs, startOfDayMs, todayInBeijing } from '../domain/calendar-day';
import { elapsedShare, progressByUtility } from '../domain/progress';
import { validationFailed } from '../http/app-error';
import { dayParam } from '../http/day-param';
import type { Store } from '../store/store';

/**
 * GET /api/reports/progress: each utility's progress (DOMAIN.md) from the status-change records as they stood
 * at the end of `asOf` in Beijing time. The campaign runs from the start of `start` to the end of `deadline`.
 */
export async function progressReport(
  store: Store,
  query: ProgressQuery,
  nowMs: number,
): Promise<ProgressReport> {
  const deadline = dayParam('deadline', query.deadline);
  const asOf = query.asOf === undefined ? todayInBeijing(nowMs) : dayParam('asOf', query.asOf);
  const start = query.start === undefined ? `${deadline.slice(0, 4)}-01-01` : dayParam('start', query.start);
  if (start >= deadline) {
    const defaulted =
      query.start === undefined ? " (start defaults to 1 January of the deadline's year)" : '';
    const message = `start ${start} must be before the deadline ${deadline}${defaulted}`;
    throw validationFailed(message, [{ in: 'querystring', path: '/start', message }]);
  }
  const elapsed = elapsedShare(startOfDayMs(start), endOfDayMs(deadline), endOfDayMs(asOf));
  const { utilities, sites } = await store.progressInputs(endOfDayIso(asOf));
  return {
    deadline,
    asOf,
    start,
    elapsedShare: elapsed.rounded,
    utilities: progressByUtility(utilities, sites, elapsed.exact),
  };
}
