import { roundTo3 } from './geo/haversine';
import { termWatts, wattsToMw } from './sum-term';
import { ILLEGAL_DRAWING, STATUSES, type Status } from '@gridwatch/contract';

export interface StatusTotals {
  count: number;
  loadMw: number;
}

export interface SiteSummary {
  siteCount: number;
  totalLoadMw: number;
  byStatus: Partial<Record<Status, StatusTotals>>;
}

/**
 * Count and load of the sites, in all and by status, in megawatts rounded to 3 decimals. `statuses` lists the
 * statuses the answer breaks down by (each present, zero when no site has it). The sums are exact in whole watts
 * (termWatts), so any order of the same sites gives the same total, and the stores' SQL sums agree with them.
 */
export function summarizeSites(
  sites: readonly { status: Status; loadMw: number }[],
  statuses: readonly Status[] = STATUSES,
): SiteSummary {
  // Whole watts until the end.
  const tallies = new Map(statuses.map((s) => [s, { count: 0, watts: 0 }]));
  let totalWatts = 0;
  for (const site of sites) {
    const tally = tallies.get(site.status);
    if (!tally) continue;
    const watts = termWatts(site.loadMw);
    tally.count += 1;
    tally.watts += watts;
    totalWatts += watts;
  }
  const byStatus: Partial<Record<Status, StatusTotals>> = {};
  for (const [status, { count, watts }] of tallies)
    byStatus[status] = { count, loadMw: roundTo3(wattsToMw(watts)) };
  const siteCount = Object.values(byStatus).reduce((n, b) => n + b.count, 0);
  return { siteCount, totalLoadMw: roundTo3(wattsToMw(totalWatts)), byStatus };
}

/** The statuses that count as unlicensed load near a substation (DOMAIN.md); SUSPECTED only when asked. */
export function unlicensedStatuses(includeSuspected: boolean): Status[] {
  return includeSuspected ? [...ILLEGAL_DRAWING, 'SUSPECTED'] : [...ILLEGAL_DRAWING];
}
