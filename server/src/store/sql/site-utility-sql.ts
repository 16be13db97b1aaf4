import { sqltag as sql, type Sql } from '@prisma/client/runtime/client';
import { WITHIN_TOLERANCE_KM } from '../../domain/geo/haversine';
import type { Backend } from '../store';
import { haversineKmSql } from './haversine-sql';
import { idIn } from './id-list-sql';
import type { ImportClient, ImportTx } from './import-client';
import { fillOnce } from './derived-state-sql';
import { PAIR_TABLE_KM } from './site-substation-pairs-sql';

/** How far a feederless site outside every service region looks for a substation (docs/progress.md). */
export const NEAREST_UTILITY_KM = 10;
// The pairs table holds every site within that distance of a substation (siteUtilitiesAcrossSubstationImport).
if (NEAREST_UTILITY_KM > PAIR_TABLE_KM) throw new Error('the pairs table must cover NEAREST_UTILITY_KM');

/** What the refresh needs of a client: an UPDATE (an import's transaction, or the store on a first start). */
interface UpdateClient {
  $executeRaw(query: Sql): Promise<number>;
}

/** The utility of the lowest id whose service region holds site `t`, by the site's stored memberships. */
const MEMBER_REGION_UTILITY = sql`(SELECT min(u.id) FROM utilities u JOIN region_members m ON m.region_id = u.region_id
      WHERE m.layer = 'sites' AND m.feature_id = t.id)`;

/**
 * The utility accountable for site `t` (docs/progress.md, "Utility of a site"): its feeder's; else the utility
 * whose service region holds the site (the lowest id, should two share a region); else the nearest
 * substation's within 10 km (haversine with the millimetre, ties by substation id); else none (unassigned).
 * `pairCondition` prefilters site `t` × substation `s` pairs as the store's spatial index allows.
 * `regionUtility` is the second choice's SQL: by the stored memberships, unless the caller has them at hand
 * (new sites, before they are stored: import-new-sites-sql.ts).
 */
export function accountableUtilitySql(
  pairCondition: (radiusKm: number) => Sql,
  regionUtility: Sql = MEMBER_REGION_UTILITY,
): Sql {
  const distance = haversineKmSql(sql`t.lon`, sql`t.lat`, sql`s.lon`, sql`s.lat`);
  return sql`COALESCE(
    (SELECT f.utility_id FROM substations f WHERE f.id = t.feeder_substation_id),
    ${regionUtility},
    (SELECT s.utility_id FROM substations s WHERE ${pairCondition(NEAREST_UTILITY_KM)}
      AND ${distance} <= ${NEAREST_UTILITY_KM + WITHIN_TOLERANCE_KM} ORDER BY ${distance}, s.id LIMIT 1))`;
}

/**
 * Stores the accountable utility of the sites `which` selects (a condition on `t`; all of them by default) in
 * `sites.utility_id`, which every read filters and groups by. Runs in the transaction of each write that can
 * change it: sites (position, feeder), substations (position, utility), utilities (service region), regions
 * (shapes, after their memberships are refiled).
 */
export function refreshSiteUtilities(
  tx: UpdateClient,
  pairCondition: (radiusKm: number) => Sql,
  which: Sql = sql`1 = 1`,
): Promise<number> {
  return tx.$executeRaw(sql`UPDATE sites AS t SET utility_id = ${accountableUtilitySql(pairCondition)}
    WHERE ${which}`);
}

/**
 * Fills `sites.utility_id` of every site once, after migration 0008 added it to a database that had sites (or
 * after the seed); the writes keep it exact after that.
 */
export const fillSiteUtilitiesIfMissing = (db: ImportClient, pairCondition: (radiusKm: number) => Sql) =>
  fillOnce(db, 'site_utilities', (tx) => refreshSiteUtilities(tx, pairCondition), 10 * 60_000);

/**
 * An import of substations whose rows `ids` it placed or relinked (another utility), before it refiles their
 * pairs; returns the refile of the sites' utilities to run after that. A site's accountable utility can change
 * only if one of them is its feeder, or lies within NEAREST_UTILITY_KM of it before the write or after it (it may
 * be, or become, its nearest): the pairs table holds both (PAIR_TABLE_KM ≥ NEAREST_UTILITY_KM), read now and
 * after the refile. Only those sites are refiled; every site used to be, an UPDATE of every row (41–51 s for 5
 * moved substations at 1M sites, docs/performance.md "Fix 26").
 */
export async function siteUtilitiesAcrossSubstationImport(
  tx: ImportTx,
  backend: Backend,
  pairCondition: (radiusKm: number) => Sql,
  ids: readonly number[],
): Promise<() => Promise<unknown>> {
  if (ids.length === 0) return async () => {};
  const near = sql`SELECT p.site_id FROM site_substation_pairs p
    WHERE p.distance_km <= ${NEAREST_UTILITY_KM + WITHIN_TOLERANCE_KM} AND ${idIn(backend, sql`p.substation_id`, ids)}`;
  const before = (await tx.$queryRaw<{ site_id: unknown }[]>(near)).map((r) => Number(r.site_id));
  const wasNear = before.length > 0 ? sql`OR ${idIn(backend, sql`t.id`, before)}` : sql``;
  return () =>
    refreshSiteUtilities(
      tx,
      pairCondition,
      sql`(${idIn(backend, sql`t.feeder_substation_id`, ids)} OR t.id IN (${near}) ${wasNear})`,
    );
}
