import { join, raw, sqltag as sql, type Sql } from '@prisma/client/runtime/client';
import { WITHIN_TOLERANCE_KM } from '../../domain/geo/haversine';
import { scopeUtility } from '../scope';
import type { Backend } from '../store';
import { fillOnce } from './derived-state-sql';
import {
  addSetColumnsSql,
  HOTSPOT_LOAD_SETS,
  HOTSPOT_SET_COLUMNS,
  rankedHotspotsSql,
  type HotspotLoadSet,
} from './hotspot-sets';
import { addDayRows, moveSitesInDays, recomputeDays, recordDay } from './hotspot-days-sql';
import type { Row } from '../row-values';
import { idIn } from './id-list-sql';
import type { ImportClient, ImportTx } from './import-client';
import { PAIR_TABLE_KM } from './site-substation-pairs-sql';
import { termWattsSql } from './sum-sql';

/**
 * The per-substation hotspot aggregate (migrations 0021 and 0026, docs/performance.md "Fix 9" and "Fix 24",
 * docs/storage.md): for each substation, the count and the load in whole watts (sum-sql.ts) of the live sites paired
 * with it within PAIR_TABLE_KM, for each status set the hotspots route asks for (unlicensedStatuses without and with
 * SUSPECTED). Hotspots "now" at exactly PAIR_TABLE_KM in the regulator's scope read it; every other hotspot question
 * keeps the pairs or the join.
 *
 * Exactness: whole watts add the same in any order, so a write moves the rows by the terms of the sites it touches
 * (out before it, in after it) and the rows stay equal to a sum over the pairs.
 */
/** Whether hotspots at `radiusKm` as of `at` may read the aggregate: now, at the table's radius, unscoped. */
export const hotspotLoadsCover = (radiusKm: number, at: string | undefined): boolean =>
  at === undefined && radiusKm === PAIR_TABLE_KM && scopeUtility() === null;

/** The hotspot rows of one set, read from the table. */
export const hotspotsFromLoadsSql = (substations: Sql, set: HotspotLoadSet, limit: number): Sql =>
  rankedHotspotsSql(
    substations,
    raw(`SELECT substation_id, ${set}_count AS n, ${set}_load_w AS w FROM substation_hotspot_loads`),
    limit,
  );

const COLUMNS = raw(`substation_id, ${HOTSPOT_SET_COLUMNS.join(', ')}`);

/** An upsert's SET that adds the new row's counts and watts to the kept row's. */
const ADD = addSetColumnsSql('substation_hotspot_loads');

/**
 * Per substation, the counts and watts of the live pairs `which` selects (a condition on `p` and `t`), times
 * `sign`: the rows as a SELECT to insert, in key order, so that concurrent writers moving rows they share lock
 * them in the same order (as the cluster cells do) and cannot deadlock on them.
 */
function loadRowsSql(which: Sql, sign: 1 | -1 = 1): Sql {
  const times = raw(sign === 1 ? '' : ' * -1');
  const columns = Object.entries(HOTSPOT_LOAD_SETS).map(([name, set]) => {
    const inSet = sql`t.status IN (${join([...set])})`;
    // NULL outside the set: count and sum skip it.
    return sql`count(CASE WHEN ${inSet} THEN 1 END)${times} AS ${raw(`${name}_count`)},
      COALESCE(sum(CASE WHEN ${inSet} THEN ${termWattsSql(sql`t.load_mw`)} END), 0)${times}
        AS ${raw(`${name}_load_w`)}`;
  });
  return sql`SELECT p.substation_id, ${join(columns)}
    FROM site_substation_pairs p JOIN sites t ON t.id = p.site_id
    WHERE p.distance_km <= ${PAIR_TABLE_KM + WITHIN_TOLERANCE_KM} AND t.retired_at IS NULL
      AND t.status IN (${join([...HOTSPOT_LOAD_SETS.with_suspected])}) AND ${which}
    GROUP BY p.substation_id
    ORDER BY p.substation_id`;
}

/** Recomputes the rows of the substations `which` selects (a condition on `p.substation_id` / `substation_id`). */
async function recomputeLoads(tx: ImportTx, which: (column: Sql) => Sql): Promise<void> {
  await tx.$executeRaw(sql`DELETE FROM substation_hotspot_loads WHERE ${which(raw('substation_id'))}`);
  await tx.$executeRaw(
    sql`INSERT INTO substation_hotspot_loads (${COLUMNS}) ${loadRowsSql(which(raw('p.substation_id')))}`,
  );
}

/**
 * Moves the rows by the terms of the sites `sites` selects (a condition on `t`) at every substation each is paired
 * with: out (−1) as they are before a write, in (+1) as they are after it. A row whose sites all went out is
 * deleted, as a fill would have none. The rows of their days follow (hotspot-days-sql.ts).
 */
async function moveSites(tx: ImportTx, backend: Backend, sites: Sql, sign: 1 | -1): Promise<void> {
  await moveSitesInDays(tx, backend, sites, sign);
  await tx.$executeRaw(sql`INSERT INTO substation_hotspot_loads (${COLUMNS}) ${loadRowsSql(sites, sign)}
    ON CONFLICT (substation_id) DO UPDATE SET ${ADD}`);
  if (sign === -1) return;
  await tx.$executeRaw(sql`DELETE FROM substation_hotspot_loads WHERE with_suspected_count = 0`);
}

/**
 * Runs `upkeep` as the tables' owner. A utility user's transaction runs as gridwatch_utility (postgis/scoped-
 * adapter.ts), which may not read the per-substation aggregates (this one, served-loads-sql.ts's) and sees only its
 * own sites, while the row of a substation sums every utility's sites: so the upkeep alone, and explicitly, steps
 * out of the role and back (SET LOCAL ends with the transaction either way). Not nested. SQLite has no roles.
 */
export async function asOwner<T>(tx: ImportTx, backend: Backend, upkeep: () => Promise<T>): Promise<T> {
  if (backend !== 'postgis' || scopeUtility() === null) return upkeep();
  await tx.$executeRaw(sql`SET LOCAL ROLE NONE`);
  const value = await upkeep();
  await tx.$executeRaw(sql`SET LOCAL ROLE gridwatch_utility`);
  return value;
}

/**
 * Takes the sites `sites` selects (a condition on `t`) out of the rows, as they are before a write changes their
 * status, load, place or retirement; putSitesInHotspotLoads puts them back in after it, as it left them (their
 * pairs refiled), so the rows follow whatever it changed. Sites the write creates have nothing to take out. Every
 * write path of sites calls both, in the write's transaction (site-write-sql.ts, import-sql.ts).
 */
export const takeSitesOutOfHotspotLoads = (tx: ImportTx, backend: Backend, sites: Sql): Promise<void> =>
  asOwner(tx, backend, () => moveSites(tx, backend, sites, -1));

/** Puts the sites `sites` selects into the rows, as a write left them: see takeSitesOutOfHotspotLoads. */
export const putSitesInHotspotLoads = (tx: ImportTx, backend: Backend, sites: Sql): Promise<void> =>
  asOwner(tx, backend, () => moveSites(tx, backend, sites, 1));

/**
 * Puts the sites an import has just created (`sites`, a condition on `t`) into both tables. Each has one status
 * record, the import's, dated `at`, so its change by day is its term now, on the day of `at`: their rows (one per
 * substation) are computed once and added to both, without reading the records, whose index probes cost about
 * 1 s for 100,000 new sites at 1M (docs/performance.md, "Fix 24").
 */
export async function putNewSitesInHotspotLoads(
  tx: ImportTx,
  backend: Backend,
  sites: Sql,
  at: string,
): Promise<void> {
  await asOwner(tx, backend, async () => {
    const rows = await tx.$queryRaw<Row[]>(loadRowsSql(sites));
    if (rows.length === 0) return;
    const values = rows.map((r) => [
      Number(r.substation_id),
      ...HOTSPOT_SET_COLUMNS.map((c) => Number(r[c])),
    ]);
    await tx.$executeRaw(sql`INSERT INTO substation_hotspot_loads (${COLUMNS})
      VALUES ${join(values.map((v) => sql`(${join(v)})`))}
      ON CONFLICT (substation_id) DO UPDATE SET ${ADD}`);
    await addDayRows(tx, backend, recordDay(at), values);
  });
}

/**
 * An import of substations (`ids` written), after it refiled their pairs, which changes the pairs of no other
 * substation: the rows of the written substations, now and by day, recomputed set-based.
 */
export async function recomputeHotspotLoadsOfSubstations(
  tx: ImportTx,
  backend: Backend,
  ids: readonly number[],
): Promise<void> {
  if (ids.length === 0) return;
  const which = (column: Sql) => idIn(backend, column, ids);
  await asOwner(tx, backend, async () => {
    await recomputeLoads(tx, which);
    await recomputeDays(tx, backend, which);
  });
}

/** Every row anew: the fill once after migration 0021 or the seed, and what the exactness test compares with. */
export const refillHotspotLoads = (tx: ImportTx): Promise<void> => recomputeLoads(tx, () => sql`1 = 1`);

/** Fills the table once, after the pairs are filled (it is computed from them); the writes keep it after that. */
export const fillHotspotLoadsIfMissing = (db: ImportClient) =>
  fillOnce(db, 'substation_hotspot_loads', refillHotspotLoads, 30 * 60_000);
