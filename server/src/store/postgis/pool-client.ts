/**
 * The store's own use of its pg pool, past Prisma (docs/performance.md, fixes 9, 15, 20, 23): its SQL sent as it
 * is, and a connection held for a piece of work.
 */
import type pg from 'pg';
import type { Sql } from '@prisma/client/runtime/client';
import type { ImportTx } from '../sql/import-sql';

/** The store's SQL (its text and values as Prisma's tag makes them) sent as it is by a pool or one of its clients. */
export const pgSql = (client: pg.Pool | pg.PoolClient): ImportTx => ({
  $queryRaw: async <T>(query: Sql) =>
    (await client.query({ text: query.text, values: query.values })).rows as T,
  $executeRaw: async (query: Sql) =>
    (await client.query({ text: query.text, values: query.values })).rowCount ?? 0,
});

/**
 * `work` on one connection of the pool, given back when it is done; closed instead when `work` failed, since the
 * connection may be what failed (killed, or stopped in the middle of a COPY).
 */
export async function onPoolClient<T>(
  pool: pg.Pool,
  work: (client: pg.PoolClient) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  let failed: Error | undefined;
  try {
    return await work(client);
  } catch (error) {
    failed = error instanceof Error ? error : new Error(String(error));
    throw error;
  } finally {
    client.release(failed);
  }
}
