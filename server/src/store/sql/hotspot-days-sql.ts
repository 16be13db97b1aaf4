import { join, raw, sqltag as sql, type Sql } from '@prisma/client/runtime/client';
import { endOfDayIso, todayInBeijing } from '@gridwatch/contract';
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
import type { ImportClient, ImportTx } from './import-client';
import { upsertDroppingNothing } from './moved-rows-sql';
import { PAIR_TABLE_KM } from './site-substation-pairs-sql';
import { termWattsSql } from './sum-sql';

/**
 * Hotspots as of a past day from a per-substation, per-day table (migration 0027, docs/performance.md "Fix 24",
 * docs/storage.md "The hotspots of a day"). As of the end of day D, a site counts at a substation when it is live,
 * paired with it within PAIR_TABLE_KM, and its last status record up to then is in the set; its load is its load
 * now (the as-of rule of every as-of answer). So a site's membership changes only on the days of its records: the
 * table holds, per substation and day, by how much each set's count and watts change at the end of that day, and
 * the answer as of D is the sum of the rows up to D. Whole watts (sum-sql.ts) add the same in any order, so a
 * write moves the rows by the changes of the sites it touches, out before it and in after it, as the "now" table
 * (hotspot-loads-sql.ts); a row whose changes net to nothing is deleted, as a fill would not have it.
 */

/** The table's day of a record: the Beijing day whose end (24:00, endOfDayIso) is the first at or after `at`. */
export function recordDaySql(backend: Backend, at: Sql): Sql {
  // 8 hours less a millisecond: a record at exactly 24:00 counts to the day it closes, as `c.at <= end` counts it.
  return backend === 'postgis'
    ? sql`to_char(CAST(${at} AS TIMESTAMPTZ) AT TIME ZONE 'UTC' + INTERVAL '28799.999 seconds', 'YYYY-MM-DD')`
    : sql`date(${at}, '+28799.999 seconds')`;
}

/** recordDaySql in JavaScript: the day of a record dated `at`. */
export const recordDay = (at: string): string => todayInBeijing(Date.parse(at) - 1);

/**
 * The day hotspots as of `at` at `radiusKm` may read the table for, or null: `at` must end a day (the table answers
 * only at days' ends), at the pairs' radius, outside a utility's scope.
 */
export function hotspotDayCovered(radiusKm: number, at: string | undefined): string | null {
  if (at === undefined || radiusKm !== PAIR_TABLE_KM || scopeUtility() !== null) return null;
  const day = recordDay(at);
  return endOfDayIso(day) === at ? day : null;
}

/** The hotspot rows of one set as of the end of `day`: the sums of the changes up to it. */
export const hotspotsFromDaysSql = (substations: Sql, set: HotspotLoadSet, day: string, limit: number): Sql =>
  rankedHotspotsSql(
    substations,
    sql`SELECT substation_id, sum(${raw(`${set}_count`)}) AS n, sum(${raw(`${set}_load_w`)}) AS w
      FROM substation_hotspot_days WHERE day <= ${day} GROUP BY substation_id`,
    limit,
  );

const NAMES = Object.keys(HOTSPOT_LOAD_SETS) as HotspotLoadSet[];
const COLUMNS = raw(`substation_id, day, ${HOTSPOT_SET_COLUMNS.join(', ')}`);
/** An upsert's SET that adds the new row's changes to the kept row's. */
const ADD = addSetColumnsSql('substation_hotspot_days');

/**
 * Per (substation, day), the changes of the live sites `which` selects (a condition on `t`) at the substations
 * it pairs them with (a condition on `p`, default all), times `sign`: the rows as a SELECT to insert. Each record
 * of a site changes its membership of a set by 1, -1 or 0 against the record before it (none: not a member). In key
 * order, so that concurrent writers lock the rows they share in the same order (hotspot-loads-sql.ts).
 */
function dayRowsSql(backend: Backend, which: Sql, pairs: Sql, sign: 1 | -1): Sql {
  const times = raw(sign === 1 ? '' : ' * -1');
  const member = (set: HotspotLoadSet) =>
    sql`CASE WHEN c.to_status IN (${join([...HOTSPOT_LOAD_SETS[set]])}) THEN 1 ELSE 0 END`;
  const changes = NAMES.map(
    (set) => sql`${member(set)} - COALESCE(LAG(${member(set)}) OVER w, 0) AS ${raw(`d_${set}`)}`,
  );
  const sums = NAMES.map((set) => {
    const d = raw(`d.d_${set}`);
    return sql`sum(${d})${times}, sum(${d} * ${termWattsSql(sql`t.load_mw`)})${times}`;
  });
  const anyChange = raw(NAMES.map((set) => `d.d_${set} <> 0`).join(' OR '));
  // A group whose changes net to nothing (a site in and out on one day) is no row, as the moves leave none.
  const netChange = join(
    NAMES.map((set) => {
      const d = raw(`d.d_${set}`);
      return sql`sum(${d}) <> 0 OR sum(${d} * ${termWattsSql(sql`t.load_mw`)}) <> 0`;
    }),
    ' OR ',
  );
  return sql`SELECT p.substation_id, d.day, ${join(sums)}
    FROM (
      SELECT c.site_id, ${recordDaySql(backend, sql`c.at`)} AS day, ${join(changes)}
      FROM status_changes c JOIN sites t ON t.id = c.site_id
      WHERE t.retired_at IS NULL AND ${which}
      WINDOW w AS (PARTITION BY c.site_id ORDER BY c.at, c.id)
    ) d
    JOIN sites t ON t.id = d.site_id
    JOIN site_substation_pairs p ON p.site_id = d.site_id AND p.distance_km <= ${PAIR_TABLE_KM + WITHIN_TOLERANCE_KM}
    WHERE (${anyChange}) AND ${pairs}
    GROUP BY p.substation_id, d.day
    HAVING ${netChange}
    ORDER BY p.substation_id, d.day`;
}

/** A row whose changes net to nothing: deleted, as a fill has none. */
const NOTHING = raw(NAMES.map((n) => `${n}_count = 0 AND ${n}_load_w = 0`).join(' AND '));

/**
 * Moves the rows by the changes of the sites `sites` selects (a condition on `t`): out (−1) as they are before a
 * write, in (+1) as it left them; a row left at nothing is deleted (moved-rows-sql.ts). Called with the "now"
 * table's upkeep (hotspot-loads-sql.ts, moveSites), as the table's owner.
 */
export const moveSitesInDays = (tx: ImportTx, backend: Backend, sites: Sql, sign: 1 | -1): Promise<void> =>
  upsertDroppingNothing(
    tx,
    backend,
    'substation_hotspot_days',
    sql`INSERT INTO substation_hotspot_days (${COLUMNS}) ${dayRowsSql(backend, sites, sql`1 = 1`, sign)}
      ON CONFLICT (substation_id, day) DO UPDATE SET ${ADD}`,
    NOTHING,
  );

/**
 * Adds changes on `day` to the rows: `values`, one row per substation of (substation id, then HOTSPOT_SET_COLUMNS).
 * For sites whose one record is dated on that day (hotspot-loads-sql.ts, putNewSitesInHotspotLoads).
 */
export async function addDayRows(
  tx: ImportTx,
  backend: Backend,
  day: string,
  values: readonly number[][],
): Promise<void> {
  if (values.length === 0) return;
  await upsertDroppingNothing(
    tx,
    backend,
    'substation_hotspot_days',
    sql`INSERT INTO substation_hotspot_days (${COLUMNS})
      VALUES ${join(values.map(([id, ...changes]) => sql`(${id}, ${day}, ${join(changes)})`))}
      ON CONFLICT (substation_id, day) DO UPDATE SET ${ADD}`,
    NOTHING,
  );
}

/** Recomputes the rows of the substations `which` selects (a condition on a substation id column). */
export async function recomputeDays(
  tx: ImportTx,
  backend: Backend,
  which: (column: Sql) => Sql,
): Promise<void> {
  await tx.$executeRaw(sql`DELETE FROM substation_hotspot_days WHERE ${which(raw('substation_id'))}`);
  // The sites paired with them drive the window: only their records are read.
  const paired = sql`t.id IN (SELECT q.site_id FROM site_substation_pairs q WHERE ${which(raw('q.substation_id'))})`;
  await tx.$executeRaw(sql`INSERT INTO substation_hotspot_days (${COLUMNS})
    ${dayRowsSql(backend, paired, which(raw('p.substation_id')), 1)}`);
}

/** Every row anew: the fill once after migration 0027 or the seed, and what the exactness test compares with. */
export async function refillHotspotDays(tx: ImportTx, backend: Backend): Promise<void> {
  await tx.$executeRaw(sql`DELETE FROM substation_hotspot_days`);
  await tx.$executeRaw(sql`INSERT INTO substation_hotspot_days (${COLUMNS})
    ${dayRowsSql(backend, sql`1 = 1`, sql`1 = 1`, 1)}`);
}

/** Fills the table once, after the pairs (it reads them); the writes keep it after that. */
export const fillHotspotDaysIfMissing = (db: ImportClient, backend: Backend) =>
  fillOnce(db, 'substation_hotspot_days', (tx) => refillHotspotDays(tx, backend), 30 * 60_000);
