import type pg from 'pg';
import copyStreams from 'pg-copy-streams';
import { empty, join, raw, sqltag as sql, type Sql } from '@prisma/client/runtime/client';
import type { Status } from '@gridwatch/contract';
import type { LayerJsonCopy } from '../ports/layers';
import type { SitesJsonCopy } from '../ports/spatial-queries';
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
 * totals (TOTALS, the count, the sum of the terms: exact, as sum-sql.ts's; then, with `groups`, for each of
 * them in order, the count and sum of the rows whose column `grp` holds it: a site's status). So one scan gives
 * the features and their totals. CSV, so nothing is escaped; its quote and delimiter are control bytes that JSON
 * text never holds raw, so no row is quoted.
 *
 * With a `limit` (a page: `features` holds at most limit + 1 rows), the rows past it write no text and the
 * limit-th no ",", while the count still counts them: a count over the limit says the page is truncated.
 */
export function copyStatement(
  features: Sql,
  limit: number | null = null,
  groups: readonly string[] = [],
): Sql {
  const written = limit === null ? sql`TRUE` : sql`row_number() OVER w <= ${limit}`;
  const comma = limit === null ? sql`TRUE` : sql`row_number() OVER w < ${limit}`;
  const tallies = groups.map((value) => {
    const holds = sql`FILTER (WHERE f.grp = ${value})`;
    return sql` || ' ' || count(*) ${holds} OVER w || ' ' || COALESCE((sum(f.term) ${holds} OVER w)::text, '0')`;
  });
  return sql`COPY (
    SELECT CASE WHEN ${written} THEN COALESCE(f.json, ${byteLiteral(MARK)} || f.id::text) ELSE '' END
      || CASE WHEN lead(f.id) OVER w IS NULL
           THEN ${byteLiteral(TOTALS)} || count(*) OVER w || ' ' || COALESCE((sum(f.term) OVER w)::text, '0')
             ${tallies.length > 0 ? join(tallies, '') : empty}
         WHEN ${comma} THEN ',' ELSE '' END
    FROM (${features}) f
    WINDOW w AS (ORDER BY f.id)
  ) TO STDOUT WITH (FORMAT csv, DELIMITER E'\\x02', QUOTE ${byteLiteral(QUOTE)})`;
}

/**
 * The memory a COPY's sort may take before it spills to disk (PostgreSQL's default is 4 MB). Its rows are sorted
 * by id with their feature texts (of a layer page, the columns they are written from): the sites of a ~100 km
 * area at 1M, 55,000 rows, spilled 33 MB, and a page of 10,000 rows 4.3 MB, written and read back
 * (docs/performance.md, "Fix 28": the COPY of the area 389 → 354 ms in psql). Set for the COPY's transaction only,
 * so at most one sort a connection of the pool holds it.
 */
const COPY_WORK_MEM = '64MB';

/**
 * How a copy's rows come out: an export's, one feature a line; a layer page's, no "\n"s and at most `limit`;
 * joined, no "\n"s and no limit (the sites of an area).
 */
export type CopyLayout = { kind: 'lines' } | { kind: 'page'; limit: number } | { kind: 'joined' };

/** A COPY's chunks, and the numbers of its totals (copyStatement) once they are read to the end. */
interface CopiedRows {
  chunks: AsyncIterable<Uint8Array>;
  totals(): number[];
}

/**
 * Runs the COPY of `features` (ordered by id, with each row's `term`, and `grp` if `groups`) in one read-only
 * transaction. The connection is taken when the chunks are first read and goes back to the pool when they are
 * read to the end; an answer abandoned half-way (the client went) destroys it, since it is mid-COPY.
 */
function copyRows(
  pool: pg.Pool,
  features: Sql,
  render: (id: number) => Promise<string>,
  chunkBytes: number,
  layout: CopyLayout,
  groups: readonly string[] = [],
): CopiedRows {
  // A page reads one row past its limit, to tell whether it is truncated (`features` ends in its ORDER BY).
  const statement =
    layout.kind === 'page'
      ? copyStatement(sql`${features} LIMIT ${layout.limit + 1}`, layout.limit, groups)
      : copyStatement(features, null, groups);
  const newlines = layout.kind === 'lines' ? 'keep' : 'drop';
  let totals: number[] | null = null;
  async function* chunks(): AsyncGenerator<Buffer> {
    const client = await pool.connect();
    let done = false;
    let seen: number[] | null = null;
    try {
      await client.query(`BEGIN READ ONLY; SET LOCAL work_mem = '${COPY_WORK_MEM}'`);
      const copy = client.query(copyStreams.to(inlineValues(statement, client)));
      yield* unmarkRows(copy, render, chunkBytes, (numbers) => (seen = numbers), newlines);
      await client.query('COMMIT');
      // No row, no totals: every count and sum is 0.
      totals = seen ?? Array<number>(2 + 2 * groups.length).fill(0);
      done = true;
    } finally {
      client.release(done ? undefined : new Error('the export stopped before its COPY ended'));
    }
  }
  return {
    chunks: chunks(),
    totals: () => {
      if (!totals) throw new Error('the totals of a COPY are known once its chunks are read to the end');
      return totals;
    },
  };
}

/** A point layer's features (copyRows) with their count and load: an export, or a layer page. */
export function copyLayerJson(
  pool: pg.Pool,
  features: Sql,
  render: (id: number) => Promise<string>,
  chunkBytes: number,
  layout: CopyLayout = { kind: 'lines' },
): LayerJsonCopy {
  const copy = copyRows(pool, features, render, chunkBytes, layout);
  return {
    chunks: copy.chunks,
    totals: () => {
      const [count, watts] = copy.totals();
      return { count: count!, loadMw: wattsToMw(watts!) };
    },
  };
}

/**
 * Sites (copyRows, joined; `features` with `grp`: the status) with their tallies by each of `statuses`, in that
 * order, as summaryOfTallies reads them (domain/summaries.ts).
 */
export function copySitesJson(
  pool: pg.Pool,
  features: Sql,
  statuses: readonly Status[],
  render: (id: number) => Promise<string>,
  chunkBytes: number,
): SitesJsonCopy {
  const copy = copyRows(pool, features, render, chunkBytes, { kind: 'joined' }, statuses);
  return {
    chunks: copy.chunks,
    tallies: () => {
      const numbers = copy.totals();
      return new Map(
        statuses.map((status, i) => [status, { count: numbers[2 + 2 * i]!, watts: numbers[3 + 2 * i]! }]),
      );
    },
  };
}
