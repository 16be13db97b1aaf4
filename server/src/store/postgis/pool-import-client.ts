/**
 * An import's transaction straight on a pool connection, past Prisma (docs/performance.md, "Fix 20"): an import
 * sends a few MB a statement, which Prisma's query path carried at a cost of its own (a tenth of the write). Only
 * for the regulator's imports: a utility's user goes through the scoped adapter, whose row-level security binds
 * only its own transactions (scoped-adapter.ts). Like that adapter's, the transaction advances the data versions
 * behind the ETags just before its COMMIT.
 */
import type pg from 'pg';
import type { ImportClient, ImportTx } from '../sql/import-sql';
import { onPoolClient, pgSql } from './pool-client';
import { ADVANCE_DATA_VERSIONS_SQL } from './scoped-adapter';

export function poolImportClient(pool: pg.Pool): ImportClient {
  return {
    ...pgSql(pool),
    $transaction: <T>(fn: (tx: ImportTx) => Promise<T>): Promise<T> =>
      onPoolClient(pool, async (client) => {
        await client.query('BEGIN');
        try {
          const result = await fn(pgSql(client));
          // Every import writes (its audit record at least): the counters of the layers it wrote move on.
          await client.query(ADVANCE_DATA_VERSIONS_SQL);
          await client.query('COMMIT');
          return result;
        } catch (error) {
          await client.query('ROLLBACK').catch(() => {});
          throw error;
        }
      }),
  };
}
