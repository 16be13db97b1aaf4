import { roundTo3 } from './geo/haversine';
import { termWatts, wattsToMw } from './sum-term';
import { ILLEGAL_DRAWING, type SiteStanding, type Status } from '@gridwatch/contract';

/** A site as its status-change records stand at the report's instant (sites without a record then are left out). */
export interface SiteAsOf {
  /** The site's utility (DOMAIN.md, "Utility of a site"); null when unassigned. */
  utilityId: number | null;
  loadMw: number;
  /** The status of its last record at or before the instant. */
  status: Status;
  /** Whether any of its records up to the instant gave it an illegal status. */
  everIllegal: boolean;
}

export interface UtilityRef {
  id: number;
  name: string;
  nameZh: string;
}

/** What the report is computed from: the utilities (in report order) and the sites as of the instant. */
export interface ProgressInputs {
  utilities: UtilityRef[];
  sites: SiteAsOf[];
}

export interface UtilityProgress {
  utilityId: number | null;
  name: string;
  nameZh: string;
  found: number;
  shutDown: number;
  licensedAfter: number;
  loadRemovedMw: number;
  loadStillDrawingMw: number;
  shareDone: number;
  onTrack: boolean;
}

/** The row of the sites that belong to no utility (no feeder, no substation within 10 km). */
export const UNASSIGNED = { name: 'Unassigned', nameZh: '未归属' } as const;

/**
 * The fraction of the campaign's time gone by at `asOfMs` (start → deadline, clamped to 0..1): exact, for
 * `onTrack`, and rounded to 4 decimals, for the answer. Times are epoch ms, start before deadline.
 */
export function elapsedShare(
  startMs: number,
  deadlineMs: number,
  asOfMs: number,
): { exact: number; rounded: number } {
  const span = deadlineMs - startMs;
  const gone = Math.min(span, Math.max(0, asOfMs - startMs));
  return { exact: gone / span, rounded: roundShare(gone, span) };
}

/** part / whole (integers) rounded half up to 4 decimals, in integers so that no binary fraction tips a half. */
export function roundShare(part: number, whole: number): number {
  return Math.floor((part * 20_000 + whole) / (2 * whole)) / 10_000;
}

/**
 * Where a site stands in the count (docs/progress.md, "Counting"): null when it was never found illegal, else
 * shut down, licensed after, still drawing (illegal at the instant), or neither (SUSPECTED or NOT_FOUND again).
 * The one place the rule is written: the report and the utilities' periodic reports both count with it.
 */
export function standingOf(site: Pick<SiteAsOf, 'status' | 'everIllegal'>): SiteStanding | null {
  if (!site.everIllegal) return null;
  if (site.status === 'SHUT_DOWN') return 'SHUT_DOWN';
  if (site.status === 'LICENSED') return 'LICENSED_AFTER';
  if (ILLEGAL_DRAWING.includes(site.status)) return 'STILL_DRAWING';
  return 'NEITHER';
}

/**
 * Progress of each utility (DOMAIN.md, "Progress of a utility"), in the order given, then an unassigned row
 * when any site has no utility. Loads are summed in the order of `sites` (both stores hand them over by id,
 * so they get the same bits), each at most SUM_TERM_CAP_MW, and rounded to 3 decimals; `onTrack` compares the unrounded share.
 */
export function progressByUtility(
  utilities: readonly UtilityRef[],
  sites: readonly SiteAsOf[],
  elapsed: number,
): UtilityProgress[] {
  const tallies = new Map(utilities.map((u) => [u.id, newTally()]));
  let unassigned: Tally | null = null;
  for (const site of sites) {
    // An id missing from the list (the foreign key rules it out) would count as unassigned, not vanish.
    const tally =
      (site.utilityId === null ? undefined : tallies.get(site.utilityId)) ?? (unassigned ??= newTally());
    const standing = standingOf(site);
    if (standing === null) continue;
    tally.found += 1;
    if (standing === 'SHUT_DOWN') {
      tally.shutDown += 1;
      tally.loadRemovedW += termWatts(site.loadMw);
    } else if (standing === 'LICENSED_AFTER') {
      tally.licensedAfter += 1;
    } else if (standing === 'STILL_DRAWING') {
      tally.loadStillDrawingW += termWatts(site.loadMw);
    }
  }
  const rows = utilities.map((u) => toRow(u.id, u.name, u.nameZh, tallies.get(u.id) ?? newTally(), elapsed));
  if (unassigned) rows.push(toRow(null, UNASSIGNED.name, UNASSIGNED.nameZh, unassigned, elapsed));
  return rows;
}

interface Tally {
  found: number;
  shutDown: number;
  licensedAfter: number;
  /** Exact sums in whole watts (domain/sum-term.ts). */
  loadRemovedW: number;
  loadStillDrawingW: number;
}

const newTally = (): Tally => ({
  found: 0,
  shutDown: 0,
  licensedAfter: 0,
  loadRemovedW: 0,
  loadStillDrawingW: 0,
});

function toRow(
  utilityId: number | null,
  name: string,
  nameZh: string,
  t: Tally,
  elapsed: number,
): UtilityProgress {
  const done = t.shutDown + t.licensedAfter;
  const share = t.found === 0 ? 1 : done / t.found;
  return {
    utilityId,
    name,
    nameZh,
    found: t.found,
    shutDown: t.shutDown,
    licensedAfter: t.licensedAfter,
    loadRemovedMw: roundTo3(wattsToMw(t.loadRemovedW)),
    loadStillDrawingMw: roundTo3(wattsToMw(t.loadStillDrawingW)),
    shareDone: t.found === 0 ? 1 : roundShare(done, t.found),
    onTrack: share >= elapsed,
  };
}
