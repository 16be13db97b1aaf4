import { sqltag as sql, type Sql } from '@prisma/client/runtime/client';
import type { Backend } from '../store';
import { putSitesIn, takeSitesOut } from './cluster-cells-sql';
import {
  putNewSitesInHotspotLoads,
  putSitesInHotspotLoads,
  takeSitesOutOfHotspotLoads,
} from './hotspot-loads-sql';
import type { ImportTx } from './import-client';
import {
  putNewSitesInServedLoads,
  putSitesInServedLoads,
  takeSitesOutOfServedLoads,
} from './served-loads-sql';

/**
 * The tables derived from the sites that a write of sites keeps by moving their terms (docs/storage.md): the
 * cluster cells (cluster-cells-sql.ts), the hotspot rows of their substations, now and by day (hotspot-loads-sql.ts)
 * and the served-load rows of their meters, now and by day (served-loads-sql.ts). Every write path of sites goes
 * through these three calls, so a table added to them is kept by all: the sites `sites` selects (a condition on
 * `t`) go out as they are before the write, and back in as it left them.
 */
export async function takeSitesOutOfDerived(tx: ImportTx, backend: Backend, sites: Sql): Promise<void> {
  await takeSitesOut(tx, sites);
  await takeSitesOutOfHotspotLoads(tx, backend, sites);
  await takeSitesOutOfServedLoads(tx, backend, sites);
}

/** After the write: the sites `sites` selects back in, as it left them (see takeSitesOutOfDerived). */
export async function putSitesInDerived(tx: ImportTx, backend: Backend, sites: Sql): Promise<void> {
  await putSitesIn(tx, sites);
  await putSitesInHotspotLoads(tx, backend, sites);
  await putSitesInServedLoads(tx, backend, sites);
}

/**
 * Created sites (an import's new rows), `sites`, in: as putSitesInDerived, except that their one status
 * record is the write's own, dated `at`, so the tables by day take them without reading the records.
 */
export async function putNewSitesInDerived(
  tx: ImportTx,
  backend: Backend,
  sites: Sql,
  at: string,
): Promise<void> {
  await putSitesIn(tx, sites);
  await putNewSitesInHotspotLoads(tx, backend, sites, at);
  await putNewSitesInServedLoads(tx, backend, sites, at);
}

/**
 * One write to one site that leaves its position alone (a status change, a retirement, a restore), with the data
 * derived from the sites kept in step in the write's transaction: the site leaves the derived tables before the
 * write and enters them after it, as the write left it or, when it wrote nothing, as it was.
 * `write` answers how many rows it wrote.
 */
export async function writeSiteKeepingDerived(
  tx: ImportTx,
  backend: Backend,
  siteId: number,
  write: () => Promise<number>,
): Promise<number> {
  const thisSite = sql`t.id = ${siteId}`;
  await takeSitesOutOfDerived(tx, backend, thisSite);
  const count = await write();
  await putSitesInDerived(tx, backend, thisSite);
  return count;
}
