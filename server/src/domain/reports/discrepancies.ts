/**
 * What a submitted report says that the records do not (docs/reports.md, "Discrepancies"). The regulator
 * compares a report with the records recomputed at the report's own instant (`asOf`, by default): a
 * difference then means the utility changed a pre-filled figure or list, or the records changed after the
 * fact (a load corrected, a site re-attributed by a new feeder, an import with past times). Comparing at a
 * later instant instead (the caller's choice) shows what happened since, e.g. a site reported shut down that
 * the records now say is SUSPECTED again.
 *
 * Order (stable): the figures first, in FIGURE_NAMES order; then per site, by site id, in the order of KINDS.
 * Codes only: the client words them.
 */
import {
  FIGURE_NAMES,
  type Discrepancy,
  type ReportContent,
  type ReportSiteLine,
  type SiteStanding,
} from '@gridwatch/contract';
import { roundTo3 } from '../geo/haversine';
import { computeDraftAt, sitesAt, type ReportRecords } from './draft';

const DONE: readonly SiteStanding[] = ['SHUT_DOWN', 'LICENSED_AFTER'];

/**
 * The differences between `reported` and the records at `atMs` (default: the report's `asOf`). `records` must
 * hold the utility's sites and every site the report lists, whatever utility they have now, with their
 * status-change records up to that instant.
 */
export function findDiscrepancies(
  reported: ReportContent,
  records: ReportRecords,
  atMs: number = Date.parse(reported.asOf),
): Discrepancy[] {
  const current = computeDraftAt(records, reported.utilityId, reported, atMs);
  const out: Discrepancy[] = [];

  for (const figure of FIGURE_NAMES) {
    const r = reported.figures[figure];
    const c = current.figures[figure];
    if (r !== c)
      out.push({ kind: 'FIGURE_DIFFERS', figure, reported: r, current: c, delta: roundTo3(c - r) });
  }

  const all = sitesAt(records, atMs);
  const now = new Map(current.sites.map((s) => [s.siteId, s]));
  const listed = new Map(reported.sites.map((s) => [s.siteId, s]));
  const ids = [...new Set([...listed.keys(), ...now.keys()])].sort((a, b) => a - b);
  for (const siteId of ids) {
    const r = listed.get(siteId);
    const c = now.get(siteId);
    if (!r && c) {
      out.push({ kind: 'SITE_NOT_REPORTED', siteId, current: stateOf(c) });
    } else if (r && c) {
      out.push(...siteDifferences(r, c));
    } else if (r) {
      const site = all.get(siteId);
      if (!site) out.push({ kind: 'SITE_NOT_IN_RECORDS', siteId, reported: r });
      else if (site.utilityId !== reported.utilityId) {
        out.push({ kind: 'SITE_NOT_ATTRIBUTED', siteId, reported: r, currentUtilityId: site.utilityId });
      } else {
        // Of the utility, with records, and no line: never found illegal by then.
        out.push({ kind: 'SITE_NOT_FOUND_ILLEGAL', siteId, reported: r, currentStatus: site.status });
      }
    }
  }
  return out;
}

function siteDifferences(r: ReportSiteLine, c: ReportSiteLine): Discrepancy[] {
  const out: Discrepancy[] = [];
  const current = stateOf(c);
  if (r.status !== c.status || r.standing !== c.standing) {
    const nowNotDone = !DONE.includes(c.standing);
    if (r.standing === 'SHUT_DOWN' && nowNotDone) {
      out.push({ kind: 'REPORTED_SHUT_DOWN_NOW_ACTIVE', siteId: r.siteId, reported: r, current });
    } else if (r.standing === 'LICENSED_AFTER' && nowNotDone) {
      out.push({ kind: 'REPORTED_LICENSED_NOW_ACTIVE', siteId: r.siteId, reported: r, current });
    } else {
      out.push({ kind: 'SITE_STATUS_DIFFERS', siteId: r.siteId, reported: r, current });
    }
  }
  if (r.loadMw !== c.loadMw) {
    out.push({
      kind: 'SITE_LOAD_DIFFERS',
      siteId: r.siteId,
      reported: r.loadMw,
      current: c.loadMw,
      delta: roundTo3(c.loadMw - r.loadMw),
    });
  }
  return out;
}

const stateOf = (line: ReportSiteLine) => ({
  status: line.status,
  standing: line.standing,
  loadMw: line.loadMw,
});
