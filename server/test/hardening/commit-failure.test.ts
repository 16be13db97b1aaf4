import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SMALL_SEED } from '../fixtures/small-seed';
import type { PostgisStore } from '../../src/store/postgis/postgis-store';
import { onStoreDatabase } from '../store-database';
import { makeTestApp, type TestApp } from '../test-app';

/**
 * A write transaction advances the data versions just before its COMMIT (postgis/scoped-adapter.ts). When that
 * statement fails, the transaction is aborted and Prisma's adapter only hands the connection back: unless the
 * wrapper rolls back, the pool keeps a connection "idle in transaction (aborted)", and every later query on it
 * fails until someone sends ROLLBACK.
 */
describe('a failure at COMMIT on PostGIS', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await makeTestApp(SMALL_SEED, 'postgis');
  });
  afterAll(async () => t?.close());

  it('rolls the transaction back, so no pooled connection is left inside it', async () => {
    const prisma = (t.store as PostgisStore).prisma;
    await onStoreDatabase(t, `ALTER FUNCTION advance_data_versions() RENAME TO advance_data_versions_kept`);
    await onStoreDatabase(
      t,
      `CREATE FUNCTION advance_data_versions() RETURNS void LANGUAGE plpgsql AS $$
       BEGIN RAISE EXCEPTION 'the counters are locked'; END $$`,
    );
    try {
      await expect(
        prisma.$transaction((tx) => tx.$executeRaw`UPDATE zones SET notes = notes WHERE id = -1`),
      ).rejects.toThrow(/the counters are locked/);
    } finally {
      await onStoreDatabase(t, `DROP FUNCTION advance_data_versions()`);
      await onStoreDatabase(t, `ALTER FUNCTION advance_data_versions_kept() RENAME TO advance_data_versions`);
    }
    const rows = await onStoreDatabase<{ n: number }>(
      t,
      `SELECT count(*)::int AS n FROM pg_stat_activity
       WHERE datname = current_database() AND state LIKE 'idle in transaction%'`,
    );
    expect(rows[0]!.n).toBe(0);
    // And the app's reads go on.
    expect((await t.app.inject({ url: '/api/layers/zones' })).statusCode).toBe(200);
  });
});
