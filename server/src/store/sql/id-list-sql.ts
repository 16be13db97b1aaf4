import { sqltag as sql, type Sql } from '@prisma/client/runtime/client';
import type { Backend } from '../store';

/** One JSON parameter read as a table of its values, `value` (no limit on the number of parameters). */
const jsonValues = (backend: Backend, values: readonly (string | number)[]): Sql =>
  backend === 'postgis'
    ? sql`SELECT value FROM json_array_elements_text(${JSON.stringify(values)}::json)`
    : sql`SELECT value FROM json_each(${JSON.stringify(values)})`;

/**
 * `column` among the ids `ids`. On PostgreSQL one integer-array parameter, whose length the planner sees: a JSON
 * list it guesses at 100 rows and hash-joins against a pass over the whole table (docs/performance.md, "Fix 14");
 * with the ids' bounds beside it, so that the new rows of an import, whose ids run together, are read as a range
 * of the primary key rather than filtered out of a spatial join ("Fix 25"). SQLite probes its index for each
 * value of the list.
 */
export function idIn(backend: Backend, column: Sql, ids: readonly number[]): Sql {
  if (backend !== 'postgis') return sql`${column} IN (SELECT v.value FROM (${jsonValues(backend, ids)}) v)`;
  const any = sql`${column} = ANY(${`{${ids.join(',')}}`}::int[])`;
  if (ids.length < 2) return any;
  let low = Infinity;
  let high = -Infinity;
  for (const id of ids) {
    if (id < low) low = id;
    if (id > high) high = id;
  }
  return sql`(${any} AND ${column} BETWEEN ${low} AND ${high})`;
}
