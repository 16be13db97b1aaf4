/**
 * A point feature's GeoJSON built by the database, as text byte-for-byte equal to `JSON.stringify` of the
 * feature that store/feature-rows.ts makes of the same row (docs/performance.md, "The database builds the
 * GeoJSON"): the keys in the same order, no spaces, `null`s where the row has none, strings escaped as
 * JSON.stringify escapes them. Reading 5,000 rows of 17 values through Prisma and making objects of them cost
 * 20 times the JSON; one text per row costs little more than the bytes.
 *
 * Numbers are where the databases and JavaScript differ: PostgreSQL writes 1e-05 where JavaScript writes
 * 0.00001, SQLite writes 5.0 where JavaScript writes 5 (realText). A row with a
 * real outside what both write alike (realIsPlain: non-zero and under 1e-4 in size, 1e15 and over, not finite,
 * or on SQLite of 17 significant digits) gets
 * no text (NULL), and the store makes that row's JSON in JavaScript instead (sql-store.ts `queryLayerJson`).
 */
import { raw, sqltag as sql, type Sql } from '@prisma/client/runtime/client';
import { LAYER_COLUMNS, type ColumnSpec } from '@gridwatch/contract';
import type { PointLayerId } from '../ports/layers';
import type { Backend } from '../store';

/** Text literals (JSON punctuation and keys) go into the SQL as literals: keys come from the column tables. */
const literal = (text: string): string => `'${text.replace(/'/g, "''")}'`;

/**
 * Whether a real is written alike by the database and by JavaScript (else the row falls back): zero, or at least
 * 1e-4 and under 1e15 in size (PostgreSQL and SQLite write exponents outside that, where JavaScript writes
 * 0.00001); on SQLite also no more than 15 significant digits, since for 16 or 17 its printf writes the
 * nearest decimal and JavaScript the one its shortest-digits algorithm finds (…563 against …562).
 */
export function realIsPlain(backend: Backend, value: string): string {
  // NaN compares greater than any number in PostgreSQL (SQLite stores it as NULL), so `abs(x) < 1e15` also
  // refuses NaN and the infinities.
  const range = `(${value} = 0 OR (abs(${value}) >= 1e-4 AND abs(${value}) < 1e15))`;
  return backend === 'postgis' ? range : `(${range} AND CAST(printf('%.15g', ${value}) AS REAL) = ${value})`;
}

/**
 * The JSON text of a real known to be plain (realIsPlain), as JavaScript writes it: the fewest digits that read
 * back as the same double. PostgreSQL's float8 text is that already (but for -0); SQLite's JSON writes 17
 * digits where fewer would do and adds `.0` to an integral value, so its text is printf's 15 significant
 * digits (which read back as the value, or the row is not plain), trailing zeros dropped.
 */
export function realText(backend: Backend, value: string): string {
  if (backend === 'postgis') return `(CASE WHEN ${value} = 0 THEN '0' ELSE ${value}::text END)`;
  // printf writes NULL as '': a NULL stays NULL, for COALESCE to write null.
  return `(CASE WHEN ${value} = 0 THEN '0' WHEN ${value} IS NOT NULL THEN printf('%.15g', ${value}) END)`;
}

/** The JSON text of a column's value as readServed (columns/read-column.ts) normalises it. */
function valueText(backend: Backend, column: ColumnSpec, value: string): string {
  const orNull = (text: string) => (column.nullable ? `COALESCE(${text}, 'null')` : text);
  switch (column.read) {
    case 'text':
      return backend === 'postgis'
        ? orNull(`to_json(${value}::text)::text`)
        : `json_quote(CAST(${value} AS TEXT))`;
    case 'int':
      return orNull(
        backend === 'postgis' ? `(${value})::bigint::text` : `CAST(CAST(${value} AS INTEGER) AS TEXT)`,
      );
    case 'real':
      return orNull(realText(backend, value));
    case 'bool':
      // readServed reads null as false, also for a nullable boolean.
      return `(CASE WHEN ${value} THEN 'true' ELSE 'false' END)`;
  }
}

/** Whether every real of the row is plain, so that the database's text can be used. */
function realsArePlain(backend: Backend, layer: PointLayerId): string {
  const reals = Object.values(LAYER_COLUMNS[layer])
    .filter((c) => c.served && c.read === 'real')
    .map((c) => {
      const value = `${c.joined ?? 't'}.${c.sql}`;
      return c.nullable
        ? `(${value} IS NULL OR ${realIsPlain(backend, value)})`
        : realIsPlain(backend, value);
    });
  return [realIsPlain(backend, 't.lon'), realIsPlain(backend, 't.lat'), ...reals].join(' AND ');
}

/**
 * `id` and `json`: the feature's JSON text, or NULL when a real of the row is not plain. For the row `t` (and
 * the joins) of LAYER_SQL[layer].from.
 */
export function featureJsonSelect(backend: Backend, layer: PointLayerId): Sql {
  const parts: string[] = [
    literal('{"type":"Feature","id":'),
    valueText(backend, { read: 'int', nullable: false } as ColumnSpec, 't.id'),
    literal(',"geometry":{"type":"Point","coordinates":['),
    realText(backend, 't.lon'),
    literal(','),
    realText(backend, 't.lat'),
    literal(']},"properties":{'),
  ];
  let first = true;
  for (const [name, column] of Object.entries(LAYER_COLUMNS[layer])) {
    if (!column.served) continue;
    parts.push(literal(`${first ? '' : ','}${JSON.stringify(name)}:`));
    parts.push(valueText(backend, column, `${column.joined ?? 't'}.${column.sql}`));
    first = false;
  }
  parts.push(literal('}}'));
  return sql`t.id AS id, CASE WHEN ${raw(realsArePlain(backend, layer))} THEN ${raw(parts.join(' || '))} END AS json`;
}
