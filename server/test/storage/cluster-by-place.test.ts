import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSeed } from '@gridwatch/geodata';
import { clusterByPlace } from '../../src/tools/admin';
import { SMALL_SEED } from '../fixtures/small-seed';
import { onStoreDatabase } from '../store-database';
import { makeTestApp, type TestApp } from '../test-app';

/**
 * The sites' rows in the order of place (migration 0024, postgis-store.ts clusterByPlace; docs/storage.md "Rows in
 * the order of place"): after a seed, and after the operator's `npm run admin -- cluster`, neighbours in the heap
 * are neighbours on the map, so a tile's rows share pages. Measured as the mean distance between rows next to
 * each other in the heap (ctid order), against the same in id order.
 */
const SEED = generateSeed({ sites: 4000 });

/** Mean squared step, in degrees², between consecutive sites in `order`. */
async function meanStep(t: TestApp, order: 'id' | 'ctid'): Promise<number> {
  const [row] = await onStoreDatabase<{ step: number }>(
    t,
    `SELECT avg((lon - lag_lon) ^ 2 + (lat - lag_lat) ^ 2) AS step FROM (
       SELECT lon, lat, lag(lon) OVER w AS lag_lon, lag(lat) OVER w AS lag_lat FROM sites WINDOW w AS (ORDER BY ${order})
     ) s WHERE lag_lon IS NOT NULL`,
  );
  return Number(row!.step);
}

describe('PostGIS: rows in the order of place', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await makeTestApp(SEED, 'postgis');
  });
  afterAll(async () => t?.close());

  it('the seed is loaded in id order, which is not the order of place', async () => {
    expect(await meanStep(t, 'id')).toBeGreaterThan(1);
  });

  it('after the seed, the sites lie in the order of their spatial index', async () => {
    expect(await meanStep(t, 'ctid')).toBeLessThan((await meanStep(t, 'id')) / 20);
    const rows = await onStoreDatabase<{ name: string }>(
      t,
      `SELECT c.relname AS name FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid WHERE i.indisclustered ORDER BY 1`,
    );
    expect(rows.map((r) => r.name)).toEqual(['sites_geom_idx']);
  });

  it('the admin command orders them again, whatever index the table was last clustered on', async () => {
    await onStoreDatabase(t, 'CLUSTER sites USING sites_pkey');
    expect(await meanStep(t, 'ctid')).toBe(await meanStep(t, 'id'));
    expect(await clusterByPlace(t.store)).toMatch(/^sites ordered by place in \d+\.\d s$/);
    expect(await meanStep(t, 'ctid')).toBeLessThan((await meanStep(t, 'id')) / 20);
    const [row] = await onStoreDatabase<{ clustered: boolean }>(
      t,
      `SELECT indisclustered AS clustered FROM pg_index WHERE indexrelid = 'sites_geom_idx'::regclass`,
    );
    expect(row!.clustered).toBe(true);
  });
});

describe('SQLite: nothing to order', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await makeTestApp(SMALL_SEED, 'sqlite');
  });
  afterAll(async () => t?.close());

  it('the admin command says so', async () => {
    expect(await clusterByPlace(t.store)).toBe('nothing to do: SQLite keeps rows in id order');
  });
});
