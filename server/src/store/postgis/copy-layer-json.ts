import type pg from 'pg';
import copyStreams from 'pg-copy-streams';
import { raw, sqltag as sql, type Sql } from '@prisma/client/runtime/client';
import type { LayerJsonCopy } from '../ports/layers';
import { MARK, QUOTE, TOTALS, unmarkRows } from './copy-rows';
import { inlineValues } from './inline-values';
import { wattsToMw } from '../../domain/sum-term';

/**
 * A whole point layer's feature texts for the export in one COPY (docs/performance.md, "Fix 12"): PostgreSQL
 * writes the rows' JSON (sql/feature-json-sql.ts) and the bytes go from its socket to the HTTP answer as
 * buffers, with backpressure, never as JavaScript strings. Paged reads made a million strings and their rows'
 * objects, which lived long enough to reach V8's old generation: the heap grew to ~300 MB between its
 * collections (+220–280 MB of RSS at 1M sites, against the target's 150).
 */

/** A control byte as an SQL string literal. */
const byteLiteral = (byte: number) => raw(`E'\\x${byte.toString(16).padStart(2, '0')}'`);

/**
 * Each row of `features` (id, json: NULL where JavaScript must write it, term: what it adds to the load sum, in
 * whole watts) as one line of text: its JSON or MARK and its id, then "," but after the last; the last ends in the
 * totals (TOTALS, the count, the sum of the terms: exact, as sum-sql.ts's). So one
 * scan gives the features and their totals. CSV, so nothing is escaped; its quote and delimiter are control bytes
 * that JSON text never holds raw, so no row is quoted.
 *
 * With a `limit` (a page: `features` holds at most limit + 1 rows), the rows past it write no text and the
 * limit-th no ",", while the count still counts them: a count over the limit says the page is truncated.
 */
export function copyStatement(features: Sql, limit: number | null = null): Sql {
  const written = limit === null ? sql`TRUE` : sql`row_number() OVER w <= ${limit}`;
  const comma = limit === null ? sql`TRUE` : sql`row_number() OVER w < ${limit}`;
  return sql`COPY (
    SELECT CASE WHEN ${written} THEN COALESCE(f.json, ${byteLiteral(MARK)} || f.id::text) ELSE '' END
      || CASE WHEN lead(f.id) OVER w IS NULL
           THEN ${byteLiteral(TOTALS)} || count(*) OVER w || ' ' || COALESCE((sum(f.term) OVER w)::text, '0')
         WHEN ${comma} THEN ',' ELSE '' END
    FROM (${features}) f
    WINDOW w AS (ORDER BY f.id)
  ) TO STDOUT WITH (FORMAT csv, DELIMITER E'\\x02', QUOTE ${byteLiteral(QUOTE)})`;
}

/** How a copy's rows come out: an export's, one feature a line; a layer page's, no "\n"s and at most `limit`. */
export type CopyLayout = { kind: 'lines' } | { kind: 'page'; limit: number };

/**
 * Runs the COPY of `features` (ordered by id, with each row's `term`) in one read-only transaction. The
 * connection is taken when the chunks are first read and goes back to the pool when they are read to the end;
 * an answer abandoned half-way (the client went) destroys it, since it is mid-COPY.
 */
export function copyLayerJson(
  pool: pg.Pool,
  features: Sql,
  render: (id: number) => Promise<string>,
  chunkBytes: number,
  layout: CopyLayout = { kind: 'lines' },
): LayerJsonCopy {
  // A page reads one row past its limit, to tell whether it is truncated (`features` ends in its ORDER BY).
  const statement =
    layout.kind === 'page'
      ? copyStatement(sql`${features} LIMIT ${layout.limit + 1}`, layout.limit)
      : copyStatement(features);
  const newlines = layout.kind === 'page' ? 'drop' : 'keep';
  let sums: { count: number; loadMw: number } | null = null;
  async function* chunks(): AsyncGenerator<Buffer> {
    const client = await pool.connect();
    let done = false;
    let seen: { count: number; loadMw: number } | null = null;
    try {
      await client.query('BEGIN READ ONLY');
      const copy = client.query(copyStreams.to(inlineValues(statement, client)));
      const totals = (count: number, watts: number) => (seen = { count, loadMw: wattsToMw(watts) });
      yield* unmarkRows(copy, render, chunkBytes, totals, newlines);
      await client.query('COMMIT');
      // No row, no totals.
      sums = seen ?? { count: 0, loadMw: 0 };
      done = true;
    } finally {
      client.release(done ? undefined : new Error('the export stopped before its COPY ended'));
    }
  }
  return {
    chunks: chunks(),
    totals: () => {
      if (!sums) throw new Error('the totals of a COPY are known once its chunks are read to the end');
      return sums;
    },
  };
}
