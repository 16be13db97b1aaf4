import type { UtilityProgress } from './progress';

/** The most dates a series may have: each one is a whole progress report, read from the records. */
export const MAX_SERIES_POINTS = 400;

const DAY_MS = 86_400_000;
const dayMs = (day: string) => Date.parse(`${day}T00:00:00.000Z`);
const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * The days of a series: `first`, then every `stepDays` days while on or before `last`, and `last` itself even
 * when the steps do not land on it (the latest picture is the one a reader wants). None when `last` comes
 * before `first`. Days are calendar days (YYYY-MM-DD, already parsed); the arithmetic is in UTC, where every
 * day has 24 hours.
 */
export function seriesDates(first: string, last: string, stepDays: number): string[] {
  const from = dayMs(first);
  const to = dayMs(last);
  if (to < from) return [];
  const dates: string[] = [];
  for (let at = from; at <= to; at += stepDays * DAY_MS) dates.push(dayOf(at));
  if (dates[dates.length - 1] !== last) dates.push(last);
  return dates;
}

/** How many dates seriesDates would give, without making them (to refuse a series too long first). */
export function seriesLength(first: string, last: string, stepDays: number): number {
  const days = (dayMs(last) - dayMs(first)) / DAY_MS;
  if (days < 0) return 0;
  return Math.floor(days / stepDays) + 1 + (days % stepDays === 0 ? 0 : 1);
}

export interface UtilitySeries {
  utilityId: number | null;
  name: string;
  nameZh: string;
  shareDone: number[];
  loadStillDrawingMw: number[];
}

/**
 * One line per row of the reports, from the report of each date (in the order of the dates). A row is keyed by
 * its utility (null: the unassigned sites). A date whose report has no such row (the unassigned row before any
 * unassigned site was recorded) gets the values of a row with nothing found: share 1, nothing drawing, as
 * DOMAIN.md gives a utility with no sites. Rows come in the order of the first report that has them, the
 * unassigned row last.
 */
export function progressSeries(reports: readonly (readonly UtilityProgress[])[]): UtilitySeries[] {
  const rows = new Map<number | null, UtilitySeries>();
  for (const report of reports) {
    for (const row of report) {
      if (!rows.has(row.utilityId)) {
        rows.set(row.utilityId, {
          utilityId: row.utilityId,
          name: row.name,
          nameZh: row.nameZh,
          shareDone: [],
          loadStillDrawingMw: [],
        });
      }
    }
  }
  const ordered = [...rows.values()].sort((a, b) => rank(a.utilityId) - rank(b.utilityId));
  for (const report of reports) {
    const byId = new Map(report.map((r) => [r.utilityId, r]));
    for (const series of ordered) {
      const row = byId.get(series.utilityId);
      series.shareDone.push(row ? row.shareDone : 1);
      series.loadStillDrawingMw.push(row ? row.loadStillDrawingMw : 0);
    }
  }
  return ordered;
}

// Utilities come in id order in every report (the store's order); the unassigned row after them.
const rank = (utilityId: number | null) => (utilityId === null ? Number.MAX_SAFE_INTEGER : utilityId);
