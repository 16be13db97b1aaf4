import { sqltag as sql, type Sql } from '@prisma/client/runtime/client';
import type { Backend } from '../store';

/**
 * The first row of each group in an order, as a subquery (to alias) of `columns` from `fromWhere`: computed once
 * over the whole table, not looked up per row of the query around it. PostgreSQL's DISTINCT ON is its fastest
 * form; SQLite has none, so a ROW_NUMBER window there (its rows carry one more column, `first_n`).
 */
export function firstPerGroupSql(
  backend: Backend,
  group: Sql,
  columns: Sql,
  fromWhere: Sql,
  order: Sql,
): Sql {
  return backend === 'postgis'
    ? sql`(SELECT DISTINCT ON (${group}) ${columns} ${fromWhere} ORDER BY ${group}, ${order})`
    : sql`(SELECT * FROM (SELECT ${columns}, ROW_NUMBER() OVER (PARTITION BY ${group} ORDER BY ${order}) AS first_n
        ${fromWhere}) ranked WHERE first_n = 1)`;
}
