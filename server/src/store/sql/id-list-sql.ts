import { sqltag as sql, type Sql } from '@prisma/client/runtime/client';
import type { Backend } from '../store';

/** One JSON parameter read as a table of its values, `value` (no limit on the number of parameters). */
export const jsonValues = (backend: Backend, values: readonly (string | number)[]): Sql =>
  backend === 'postgis'
    ? sql`SELECT value FROM json_array_elements_text(${JSON.stringify(values)}::json)`
    : sql`SELECT value FROM json_each(${JSON.stringify(values)})`;

/**
 * `column` among the ids `ids`. On PostgreSQL one integer-array parameter, whose length the planner sees: a JSON
 * list it guesses at 100 rows and hash-joins against a pass over the whole table (docs/performance.md, "Fix 14");
 * SQLite probes its index for each value of the list.
 */
export const idIn = (backend: Backend, column: Sql, ids: readonly number[]): Sql =>
  backend === 'postgis'
    ? sql`${column} = ANY(${`{${ids.join(',')}}`}::int[])`
    : sql`${column} IN (SELECT v.value FROM (${jsonValues(backend, ids)}) v)`;

/** The sites `t` named by `externalIds`, as a condition: the import's written rows, one JSON parameter. */
export const sitesNamed = (backend: Backend, externalIds: readonly string[]): Sql =>
  sql`t.external_id IN (${jsonValues(backend, externalIds)})`;
