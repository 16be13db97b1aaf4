import { sqltag as sql, type Sql } from '@prisma/client/runtime/client';
import { ILLEGAL_DRAWING, type Status } from '@gridwatch/contract';
import { addToKeptSql, wattsColumnMwSql } from './sum-sql';

/**
 * The status sets the hotspot tables keep (hotspot-loads-sql.ts, hotspot-days-sql.ts): what the hotspots route
 * asks for, unlicensedStatuses without and with SUSPECTED. Each names a pair of columns, `<set>_count` and
 * `<set>_load_w`.
 */
export const HOTSPOT_LOAD_SETS = {
  unlicensed: [...ILLEGAL_DRAWING],
  with_suspected: [...ILLEGAL_DRAWING, 'SUSPECTED'],
} as const satisfies Record<string, readonly Status[]>;
export type HotspotLoadSet = keyof typeof HOTSPOT_LOAD_SETS;

/** The stored set that holds exactly `statuses` (in any order), or null: that question is not kept. */
export function hotspotLoadSet(statuses: readonly Status[]): HotspotLoadSet | null {
  const asked = [...new Set(statuses)].sort().join();
  for (const [name, set] of Object.entries(HOTSPOT_LOAD_SETS))
    if ([...set].sort().join() === asked) return name as HotspotLoadSet;
  return null;
}

/** The columns the sets name, in the tables' order: each set's count, then its watts. */
export const HOTSPOT_SET_COLUMNS = Object.keys(HOTSPOT_LOAD_SETS).flatMap((name) => [
  `${name}_count`,
  `${name}_load_w`,
]);

/** An upsert's SET on `table` that adds the new row's counts and watts to the kept row's. */
export const addSetColumnsSql = (table: string): Sql => addToKeptSql(table, HOTSPOT_SET_COLUMNS);

/**
 * Hotspot rows from per-substation sums `rows` (substation_id, n: the count, w: the watts), as every hotspot read
 * answers them: the substations with a site, largest load first, ties by id.
 */
export const rankedHotspotsSql = (substations: Sql, rows: Sql, limit: number): Sql =>
  sql`SELECT s.id AS "substationId", s.name, s.name_zh AS "nameZh", h.n AS "siteCount",
      ${wattsColumnMwSql(sql`h.w`)} AS "totalLoadMw"
    FROM (${rows}) h JOIN ${substations} s ON s.id = h.substation_id
    WHERE h.n > 0
    ORDER BY "totalLoadMw" DESC, s.id
    LIMIT ${limit}`;
