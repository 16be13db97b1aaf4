import { raw, sqltag as sql, type Sql } from '@prisma/client/runtime/client';
import type { Backend } from '../store';
import { idIn } from './id-list-sql';
import type { ImportTx } from './import-client';

/**
 * Adds moved rows to a per-substation, per-day table of changes (hotspot-days-sql.ts, served-days-sql.ts) and
 * deletes the rows the move left at nothing, as a fill would not have them. `upsert` is the INSERT … ON CONFLICT
 * DO UPDATE that adds the rows; `nothing`, a condition on the table's columns, says a row nets to nothing. The
 * upsert returns the keys it wrote, so the delete looks only at the substations it touched (their few hundred
 * days, by the primary key) instead of scanning the table, about 100,000 rows at 1M sites, on every move.
 */
export async function upsertDroppingNothing(
  tx: ImportTx,
  backend: Backend,
  table: 'substation_hotspot_days' | 'substation_served_days',
  upsert: Sql,
  nothing: Sql,
): Promise<void> {
  // `emptied`, not `nothing`: SQLite reads that as a keyword.
  const written = await tx.$queryRaw<{ substation_id: unknown; emptied: unknown }[]>(
    sql`${upsert} RETURNING substation_id, CASE WHEN ${nothing} THEN 1 ELSE 0 END AS emptied`,
  );
  const emptied = [
    ...new Set(written.filter((r) => Number(r.emptied) === 1).map((r) => Number(r.substation_id))),
  ];
  if (emptied.length === 0) return;
  await tx.$executeRaw(
    sql`DELETE FROM ${raw(table)} WHERE ${idIn(backend, sql`substation_id`, emptied)} AND ${nothing}`,
  );
}
