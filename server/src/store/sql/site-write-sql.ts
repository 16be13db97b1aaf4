import { sqltag as sql } from '@prisma/client/runtime/client';
import type { Backend } from '../store';
import { putSitesIn, takeSitesOut } from './cluster-cells-sql';
import { putSitesInHotspotLoads, takeSitesOutOfHotspotLoads } from './hotspot-loads-sql';
import type { ImportTx } from './import-client';
import { putSitesInServedLoads, takeSitesOutOfServedLoads } from './served-loads-sql';

/**
 * One write to one site that leaves its position alone (a status change, a retirement, a restore), with the data
 * derived from the sites kept in step in the write's transaction: the site leaves its cluster cells before the
 * write and enters them after it, as the write left it or, when it wrote nothing, as it was
 * (cluster-cells-sql.ts); so does its term in the hotspot rows of its substations (hotspot-loads-sql.ts) and in the
 * served-load row of its meter (served-loads-sql.ts).
 * `write` answers how many rows it wrote.
 */
export async function writeSiteKeepingDerived(
  tx: ImportTx,
  backend: Backend,
  siteId: number,
  write: () => Promise<number>,
): Promise<number> {
  const thisSite = sql`t.id = ${siteId}`;
  await takeSitesOut(tx, thisSite);
  await takeSitesOutOfHotspotLoads(tx, backend, thisSite);
  await takeSitesOutOfServedLoads(tx, backend, thisSite);
  const count = await write();
  await putSitesIn(tx, thisSite);
  await putSitesInHotspotLoads(tx, backend, thisSite);
  await putSitesInServedLoads(tx, backend, thisSite);
  return count;
}
