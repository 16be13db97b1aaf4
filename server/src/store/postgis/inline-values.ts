/**
 * A statement's values written into its text, for the statements that take no parameters: a COPY (copy-layer-json.ts,
 * copy-first-row.ts).
 */
import type pg from 'pg';
import type { Sql } from '@prisma/client/runtime/client';

/** A value written into the SQL as a literal. */
function literal(value: unknown, client: pg.PoolClient): string {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`a COPY cannot hold the number ${value}`);
    return `(${String(value)})`;
  }
  if (typeof value === 'bigint') return `(${value.toString()})`;
  if (typeof value === 'string') return client.escapeLiteral(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value === null) return 'NULL';
  throw new Error(`a COPY cannot hold a ${typeof value} parameter`);
}

/** The statement's text with its values written in (Sql keeps the text between its values apart). */
export function inlineValues(query: Sql, client: pg.PoolClient): string {
  return query.strings.reduce((text, part, i) => `${text}${literal(query.values[i - 1], client)}${part}`);
}
