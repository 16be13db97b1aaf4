import type { Status } from '@gridwatch/contract';
import type { ReportRecords } from '../../domain/reports';
import type { Db, Tx } from './db';
import { siteInScope } from './scope-where';

/**
 * What a report is computed from (docs/reports.md, "The draft"): the live sites of `utilityId` (its accountable
 * utility, stored on the site) and the other sites `alsoSiteIds` names (those a submitted report lists, for
 * its discrepancies), with their status-change records up to `until`. Retired sites are left out, as by every
 * read; the request's scope applies (a utility's user reads its own sites only; RLS again on PostGIS).
 */
export async function readReportRecords(
  db: Db | Tx,
  utilityId: number,
  until: string,
  alsoSiteIds: readonly number[] = [],
): Promise<ReportRecords> {
  const which = {
    retiredAt: null,
    ...siteInScope(),
    OR: [{ utilityId }, ...(alsoSiteIds.length > 0 ? [{ id: { in: [...alsoSiteIds] } }] : [])],
  };
  const sites = await db.site.findMany({
    where: which,
    select: { id: true, utilityId: true, loadMw: true },
    orderBy: { id: 'asc' },
  });
  const changes = await db.statusChange.findMany({
    where: { site: which, at: { lte: until } },
    select: {
      id: true,
      siteId: true,
      fromStatus: true,
      toStatus: true,
      at: true,
      username: true,
      note: true,
    },
    orderBy: { id: 'asc' },
  });
  return {
    sites,
    changes: changes.map((c) => ({
      ...c,
      fromStatus: c.fromStatus as Status | null,
      toStatus: c.toStatus as Status,
    })),
  };
}
