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

/** How many sites have a status, and their loads' sum in whole watts (termWatts): exact in any order. */
export interface StatusTally {
  count: number;
  watts: number;
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
  return summaryOfTallies(tallySites(sites, statuses));
}

/** Each of `statuses` (in that order) with its sites' tally; sites of other statuses are not counted. */
export function tallySites(
  sites: readonly { status: Status; loadMw: number }[],
  statuses: readonly Status[],
): Map<Status, StatusTally> {
  const tallies = new Map(statuses.map((s) => [s, { count: 0, watts: 0 }]));
  for (const site of sites) {
    const tally = tallies.get(site.status);
    if (!tally) continue;
    tally.count += 1;
    tally.watts += termWatts(site.loadMw);
  }
  return tallies;
}

/**
 * summarizeSites from the tallies by status (in the answer's order), wherever they were counted: here
 * (tallySites) or by the database (a COPY's totals, store/postgis/copy-layer-json.ts). Whole watts until the end.
 */
export function summaryOfTallies(tallies: ReadonlyMap<Status, StatusTally>): SiteSummary {
  const byStatus: Partial<Record<Status, StatusTotals>> = {};
  let siteCount = 0;
  let totalWatts = 0;
  for (const [status, { count, watts }] of tallies) {
    byStatus[status] = { count, loadMw: roundTo3(wattsToMw(watts)) };
    siteCount += count;
    totalWatts += watts;
  }
  return { siteCount, totalLoadMw: roundTo3(wattsToMw(totalWatts)), byStatus };
}

/** The statuses that count as unlicensed load near a substation (DOMAIN.md); SUSPECTED only when asked. */
export function unlicensedStatuses(includeSuspected: boolean): Status[] {
  return includeSuspected ? [...ILLEGAL_DRAWING, 'SUSPECTED'] : [...ILLEGAL_DRAWING];
}
