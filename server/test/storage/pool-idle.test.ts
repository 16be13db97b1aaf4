import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SMALL_SEED } from '../fixtures/small-seed';
import { onStoreDatabase } from '../store-database';
import { makeTestApp, type TestApp } from '../test-app';

/**
 * The store's pool keeps its idle connections (postgis/pool-settings.ts; docs/scaling.md): pg's default closed
 * them after 10 s, and the next burst of requests then planned on cold backends (docs/performance.md, "Fix 16").
 * The backends the app opened are the same ones after 12 quiet seconds.
 */
const backends = async (t: TestApp) =>
  (
    await onStoreDatabase<{ pid: number }>(
      t,
      'SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() ORDER BY pid',
    )
  ).map((r) => r.pid);

describe('PostGIS: the pool keeps its idle connections', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await makeTestApp(SMALL_SEED, 'postgis');
  });
  afterAll(async () => t?.close());

  it('past pg’s default of 10 s', { timeout: 30_000 }, async () => {
    // Requests side by side, so the pool opens several connections.
    const tiles = ['6/46/23', '6/47/23', '7/93/47', '7/94/47', '8/187/94', '8/188/94'];
    const answers = await Promise.all(
      tiles.map((tile) => t.app.inject({ method: 'GET', url: `/api/tiles/sites/${tile}.mvt` })),
    );
    expect(answers.every((a) => a.statusCode < 300)).toBe(true);
    const before = await backends(t);
    expect(before.length).toBeGreaterThan(1);
    await new Promise((resolve) => setTimeout(resolve, 12_000));
    expect(await backends(t)).toEqual(before);
  });
});
