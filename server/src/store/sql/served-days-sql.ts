import { join, raw, sqltag as sql, type Sql } from '@prisma/client/runtime/client';
import type { Status } from '@gridwatch/contract';
import { WITHIN_TOLERANCE_KM } from '../../domain/geo/haversine';
import { KNOWN_ILLEGAL } from '../../domain/unexplained-load';
import { scopeUtility } from '../scope';
import type { Backend } from '../store';
import { fillOnce } from './derived-state-sql';
import { nearestMeteredByPairsSql, type ExplanationTables } from './explanation-sql';
import { recordDaySql } from './hotspot-days-sql';
import { idIn } from './id-list-sql';
import type { ImportClient, ImportTx } from './import-client';
import { upsertDroppingNothing } from './moved-rows-sql';
import { PAIR_TABLE_KM } from './site-substation-pairs-sql';
import { addToKeptSql, termWattsSql, wattsColumnMwSql } from './sum-sql';

/**
 * Unexplained load as of a day from a per-meter, per-day table (migration 0030, docs/performance.md "Fix 26",
 * docs/storage.md "The served loads of a day"). As of the end of day D a site counts at its meter when it is live
 * and its last status record up to then is licensed or known illegal; its meter (its feeder, else the nearest
 * metered substation within PAIR_TABLE_KM: explanation-sql.ts) and its load are those of now, as the answer over
 * the records takes them. So a site's term at its meter changes only on the days of its records: the table holds,
 * per meter and day, by how much the licensed and the known illegal watts change at the end of that day, and the
 * answer as of D is the sum of the rows up to D. Whole watts (sum-sql.ts) add the same in any order, so a write
 * moves the rows by the changes of the sites it touches, out before it and in after it, as the "now" table
 * (served-loads-sql.ts) is kept; a row whose changes net to nothing is deleted, as a fill would not have it.
 * Everything here reads the tables themselves, not the request's scope: a row sums every utility's sites.
 */

/**
 * Whether unexplained load at `radiusKm` for the statuses `illegal` may read the served tables: at the pairs'
 * radius, in the regulator's scope, for the known illegal statuses the tables sum.
 */
export const servedTablesCover = (radiusKm: number, illegal: readonly Status[]): boolean =>
  radiusKm === PAIR_TABLE_KM &&
  scopeUtility() === null &&
  [...illegal].sort().join() === [...KNOWN_ILLEGAL].sort().join();

/** Every utility's rows: a row of the served tables sums them whatever the request's scope. */
export const ALL_ROWS: ExplanationTables = {
  sites: raw('sites'),
  substations: raw('substations'),
  readings: raw('readings'),
};

const COLUMNS = ['licensed_load_w', 'known_illegal_load_w'] as const;
const INSERT = raw(`INSERT INTO substation_served_days (substation_id, day, ${COLUMNS.join(', ')})`);
const UPSERT_SET = sql`ON CONFLICT (substation_id, day) DO UPDATE SET ${addToKeptSql('substation_served_days', COLUMNS)}`;
/** A row whose changes net to nothing. */
const NOTHING = raw(COLUMNS.map((c) => `${c} = 0`).join(' AND '));

/** Per meter, the licensed and the known illegal watts of the sites as of the end of `day`: the rows up to it. */
export const servedAsOfDaySql = (day: string): Sql =>
  sql`SELECT substation_id, ${wattsColumnMwSql(sql`sum(licensed_load_w)`)} AS licensed_mw,
      ${wattsColumnMwSql(sql`sum(known_illegal_load_w)`)} AS known_illegal_mw
    FROM substation_served_days WHERE day <= ${day} GROUP BY substation_id`;

/**
 * The meter of each live site `which` selects (a condition on `t`; null: every one), as rows (site_id, sid): its
 * feeder, else the nearest metered substation from the pairs; a site explained nowhere has no row.
 */
function siteMetersSql(backend: Backend, which: Sql | null): Sql {
  const live = which ? sql`t.retired_at IS NULL AND ${which}` : sql`t.retired_at IS NULL`;
  const feederless = which
    ? sql`SELECT t.id AS site_id FROM sites t WHERE ${live} AND t.feeder_substation_id IS NULL`
    : null;
  return sql`SELECT t.id AS site_id, t.feeder_substation_id AS sid FROM sites t
      WHERE ${live} AND t.feeder_substation_id IS NOT NULL
    UNION ALL
    SELECT n.site_id, n.substation_id AS sid
    FROM ${nearestMeteredByPairsSql(backend, PAIR_TABLE_KM, ALL_ROWS, feederless)} n
    JOIN sites t ON t.id = n.site_id WHERE ${live}`;
}

/**
 * Per (meter, day), the changes of the live sites `which` selects (a condition on `t`; null: all) at their meters,
 * of those meters `meters` selects (a condition on a substation id column; null: all), times `sign`: the rows as
 * a SELECT to insert. Each record of a site changes its term in a set by its load, minus it, or nothing against
 * the record before it (none: no term). In key order, so that concurrent writers lock the rows they share in the
 * same order.
 */
function dayRowsSql(
  backend: Backend,
  which: Sql | null,
  meters: ((column: Sql) => Sql) | null,
  sign: 1 | -1,
): Sql {
  const times = raw(sign === 1 ? '' : ' * -1');
  const member = (statuses: readonly Status[]) =>
    sql`CASE WHEN c.to_status IN (${join([...statuses])}) THEN 1 ELSE 0 END`;
  const change = (statuses: readonly Status[], name: string) =>
    sql`${member(statuses)} - COALESCE(LAG(${member(statuses)}) OVER w, 0) AS ${raw(name)}`;
  const watts = (change: string) => sql`sum(${raw(change)} * ${termWattsSql(sql`t.load_mw`)})`;
  return sql`SELECT m.sid AS substation_id, d.day,
      ${watts('d.d_licensed')}${times} AS licensed_load_w, ${watts('d.d_illegal')}${times} AS known_illegal_load_w
    FROM (
      SELECT c.site_id, ${recordDaySql(backend, sql`c.at`)} AS day,
        ${change(['LICENSED'], 'd_licensed')}, ${change(KNOWN_ILLEGAL, 'd_illegal')}
      FROM status_changes c JOIN sites t ON t.id = c.site_id
      WHERE t.retired_at IS NULL AND ${which ?? sql`1 = 1`}
      WINDOW w AS (PARTITION BY c.site_id ORDER BY c.at, c.id)
    ) d
    JOIN (${siteMetersSql(backend, which)}) m ON m.site_id = d.site_id
    JOIN sites t ON t.id = d.site_id
    WHERE (d.d_licensed <> 0 OR d.d_illegal <> 0) AND ${meters ? meters(sql`m.sid`) : sql`1 = 1`}
    GROUP BY m.sid, d.day
    HAVING ${watts('d.d_licensed')} <> 0 OR ${watts('d.d_illegal')} <> 0
    ORDER BY m.sid, d.day`;
}

/**
 * Moves the rows by the changes of the sites `sites` selects (a condition on `t`) at their meters: out (−1) as
 * they are before a write, in (+1) as it left them. Called with the "now" table's moves (served-loads-sql.ts), as
 * the table's owner.
 */
export const moveSitesInServedDays = (tx: ImportTx, backend: Backend, sites: Sql, sign: 1 | -1) =>
  upsertDroppingNothing(
    tx,
    backend,
    'substation_served_days',
    sql`${INSERT} ${dayRowsSql(backend, sites, null, sign)} ${UPSERT_SET}`,
    NOTHING,
  );

/**
 * Adds changes on `day` to the rows: `values`, one row per meter of (meter id, licensed watts, known illegal
 * watts). For sites whose one record is dated on that day (served-loads-sql.ts, putNewSitesInServedLoads).
 */
export async function addServedDayRows(
  tx: ImportTx,
  backend: Backend,
  day: string,
  values: readonly (readonly [number, number, number])[],
): Promise<void> {
  if (values.length === 0) return;
  const rows = values.map(([id, licensed, illegal]) => sql`(${id}, ${day}, ${licensed}, ${illegal})`);
  await upsertDroppingNothing(
    tx,
    backend,
    'substation_served_days',
    sql`${INSERT} VALUES ${join(rows)} ${UPSERT_SET}`,
    NOTHING,
  );
}

/**
 * The substations whose rows a change to the substations `ids` can touch, by the pairs as they are when it runs:
 * those ids, and every substation paired with a feederless live site that is paired with one of them. A
 * feederless site's meter is the nearest metered substation among its pairs, so only a site paired with a written
 * substation, before or after the write, can change its meter, and both its meters are among its pairs. A fed
 * site's meter is its feeder, whatever the substation.
 */
export async function servedNeighbourhood(
  tx: ImportTx,
  backend: Backend,
  ids: readonly number[],
): Promise<number[]> {
  if (ids.length === 0) return [];
  const within = PAIR_TABLE_KM + WITHIN_TOLERANCE_KM;
  const rows = await tx.$queryRaw<{ id: unknown }[]>(sql`
    SELECT DISTINCT o.substation_id AS id
    FROM site_substation_pairs p
      JOIN sites t ON t.id = p.site_id AND t.feeder_substation_id IS NULL AND t.retired_at IS NULL
      JOIN site_substation_pairs o ON o.site_id = p.site_id AND o.distance_km <= ${within}
    WHERE p.distance_km <= ${within} AND ${idIn(backend, sql`p.substation_id`, ids)}`);
  return [...new Set([...ids, ...rows.map((r) => Number(r.id))])];
}

/**
 * Recomputes the rows of the meters `ids`: the changes of the live sites whose meter can be one of them (fed by
 * one, or feederless and paired with one), kept where it is.
 */
export async function recomputeServedDays(
  tx: ImportTx,
  backend: Backend,
  ids: readonly number[],
): Promise<void> {
  if (ids.length === 0) return;
  const meters = (column: Sql) => idIn(backend, column, ids);
  const within = PAIR_TABLE_KM + WITHIN_TOLERANCE_KM;
  const candidates = sql`(${meters(sql`t.feeder_substation_id`)} OR (t.feeder_substation_id IS NULL
    AND t.id IN (SELECT q.site_id FROM site_substation_pairs q WHERE q.distance_km <= ${within}
      AND ${meters(sql`q.substation_id`)})))`;
  await tx.$executeRaw(sql`DELETE FROM substation_served_days WHERE ${meters(sql`substation_id`)}`);
  await tx.$executeRaw(sql`${INSERT} ${dayRowsSql(backend, candidates, meters, 1)}`);
}

/** Every row anew: the fill once after migration 0030 or the seed, and what the exactness test compares with. */
export async function refillServedDays(tx: ImportTx, backend: Backend): Promise<void> {
  await tx.$executeRaw(sql`DELETE FROM substation_served_days`);
  await tx.$executeRaw(sql`${INSERT} ${dayRowsSql(backend, null, null, 1)}`);
}

/** Fills the table once, after the pairs (it reads them); the writes keep it after that. */
export const fillServedDaysIfMissing = (db: ImportClient, backend: Backend) =>
  fillOnce(db, 'substation_served_days', (tx) => refillServedDays(tx, backend), 30 * 60_000);
