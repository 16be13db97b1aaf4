/**
 * The SQL lists of a column table, the same on both stores: what the layer route selects, and what an import
 * reads, inserts and updates. Names come from the tables in @gridwatch/contract, never from a request.
 */
import { empty, join, raw, sqltag as sql, type Sql } from '@prisma/client/runtime/client';
import { rowName, type ColumnReference, type ColumnTable } from '@gridwatch/contract';

const entries = (table: ColumnTable) => Object.entries(table);

/** `t.column AS "name"` for each served column of row `t`. */
export function servedSelect(table: ColumnTable): Sql {
  return join(
    entries(table)
      .filter(([, c]) => c.served)
      .map(([name, c]) => raw(`${c.joined ?? 't'}.${c.sql} AS "${name}"`)),
  );
}

/** The alias of the row a reference column joins: `r_<column>`. */
const joinAlias = (sqlName: string) => `r_${sqlName}`;

/** The row id that an externalId names, in a written value. */
export const refId = (table: ColumnReference['table'], externalId: unknown): Sql =>
  sql`(SELECT id FROM ${raw(table)} WHERE external_id = ${externalId})`;

/** The imported columns of row `t` as an import row names them (references by externalId), and their joins. */
export function importSelect(table: ColumnTable): { columns: Sql; joins: Sql } {
  const columns: Sql[] = [];
  const joins: Sql[] = [];
  for (const [name, c] of entries(table)) {
    if (!c.imported) continue;
    const key = rowName(name, c);
    if (!c.reference) {
      columns.push(raw(`t.${c.sql} AS "${key}"`));
      continue;
    }
    const alias = joinAlias(c.sql);
    columns.push(raw(`${alias}.external_id AS "${key}"`));
    joins.push(raw(`LEFT JOIN ${c.reference.table} ${alias} ON ${alias}.id = t.${c.sql}`));
  }
  return { columns: join(columns), joins: joins.length ? join(joins, ' ') : empty };
}

/** Each imported column's SQL name and the value an import row writes there (references resolved). */
function importedValues(table: ColumnTable, properties: object): [string, Sql][] {
  const values = properties as Readonly<Record<string, unknown>>;
  return entries(table).flatMap(([name, c]): [string, Sql][] => {
    if (!c.imported) return [];
    const value = values[rowName(name, c)];
    return [[c.sql, c.reference ? refId(c.reference.table, value) : sql`${value}`]];
  });
}

/** The names of the imported columns, for an INSERT's column list. */
export function importedColumnNames(table: ColumnTable): Sql[] {
  return entries(table)
    .filter(([, c]) => c.imported)
    .map(([, c]) => raw(c.sql));
}

/** The values an import row inserts into the imported columns, in `importedColumnNames` order. */
export function importedInsertValues(table: ColumnTable, properties: object): Sql[] {
  return importedValues(table, properties).map(([, value]) => value);
}

/** `column = value` for each imported column but the externalId, which an update never changes. */
export function importedUpdateSet(table: ColumnTable, properties: object): Sql[] {
  return importedValues(table, properties)
    .filter(([column]) => column !== 'external_id')
    .map(([column, value]) => sql`${raw(column)} = ${value}`);
}
