/**
 * An import's transaction straight on a pool connection, past Prisma (docs/performance.md, "Fix 20"): an import
 * sends a few MB a statement, which Prisma's query path carried at a cost of its own (a tenth of the write). Only
 * for the regulator's imports: a utility's user goes through the scoped adapter, whose row-level security binds
 * only its own transactions (scoped-adapter.ts). Like that adapter's, the transaction advances the data versions
 * behind the ETags just before its COMMIT.
 */
import type pg from 'pg';
import type { Sql } from '@prisma/client/runtime/client';
import type { ImportClient, ImportTx } from '../sql/import-sql';
import { ADVANCE_DATA_VERSIONS_SQL } from './scoped-adapter';

/** The store's SQL (its text and values as Prisma's tag makes them) sent as it is by a pool or one of its clients. */
export const pgSql = (client: pg.Pool | pg.PoolClient): ImportTx => ({
  $queryRaw: async <T>(query: Sql) =>
    (await client.query({ text: query.text, values: query.values })).rows as T,
  $executeRaw: async (query: Sql) =>
    (await client.query({ text: query.text, values: query.values })).rowCount ?? 0,
});

export function poolImportClient(pool: pg.Pool): ImportClient {
  return {
    ...pgSql(pool),
    async $transaction<T>(fn: (tx: ImportTx) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      let failed: Error | undefined;
      try {
        await client.query('BEGIN');
        const result = await fn(pgSql(client));
        // Every import writes (its audit record at least): the counters of the layers it wrote move on.
        await client.query(ADVANCE_DATA_VERSIONS_SQL);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        failed = error instanceof Error ? error : new Error(String(error));
        throw error;
      } finally {
        // A failed one's connection is closed, not kept: it may be the connection that failed.
        client.release(failed);
      }
    },
  };
}
