import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { generateSeed } from '@gridwatch/geodata';
import { openStore } from '../../src/store/open-store';
import { loadConfig } from '../../src/config';
import type { Store } from '../../src/store/store';
import { clusterByPlace } from '../../src/tools/admin';
import { createThrowawayStore, type ThrowawayStore } from '../throwaway-database';

/**
 * The sites' rows in the order of place (migration 0024, postgis-store.ts clusterByPlace; docs/storage.md "Rows in
 * the order of place"): after a seed, and after the operator's `npm run admin -- cluster`, neighbours in the heap
 * are neighbours on the map, so a tile's rows share pages. Measured as the mean distance between rows next to
 * each other in the heap (ctid order), against the same in id order.
 */
const SEED = generateSeed({ sites: 4000 });

/** Mean squared step, in degrees², between consecutive rows of `order`. */
async function meanStep(client: pg.Client, table: string, order: string): Promise<number> {
  const { rows } = await client.query<{ step: number }>(
    `SELECT avg((lon - lag_lon) ^ 2 + (lat - lag_lat) ^ 2) AS step FROM (
       SELECT lon, lat, lag(lon) OVER w AS lag_lon, lag(lat) OVER w AS lag_lat FROM ${table} WINDOW w AS (ORDER BY ${order})
     ) s WHERE lag_lon IS NOT NULL`,
  );
  return Number(rows[0]!.step);
}

describe('PostGIS: rows in the order of place', () => {
  let db: ThrowawayStore;
  let store: Store;
  let client: pg.Client;
  beforeAll(async () => {
    db = await createThrowawayStore('postgis');
    const config = loadConfig({ DATABASE_URL: db.url, GRIDWATCH_SEED: 'none', LOG_LEVEL: 'silent' });
    store = await openStore(config.store, { seed: () => SEED });
    client = new pg.Client({ connectionString: db.url });
    await client.connect();
  });
  afterAll(async () => {
    await client?.end();
    await store?.close();
    await db?.drop();
  });

  it('the seed is loaded in id order, which is not the order of place', async () => {
    expect(await meanStep(client, 'sites', 'id')).toBeGreaterThan(1);
  });

  it('after the seed, the sites lie in the order of their spatial index', async () => {
    expect(await meanStep(client, 'sites', 'ctid')).toBeLessThan(
      (await meanStep(client, 'sites', 'id')) / 20,
    );
    const { rows } = await client.query<{ name: string }>(
      `SELECT c.relname AS name FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid WHERE i.indisclustered ORDER BY 1`,
    );
    expect(rows.map((r) => r.name)).toEqual(['sites_geom_idx']);
  });

  it('the admin command orders them again, whatever index the table was last clustered on', async () => {
    await client.query('CLUSTER sites USING sites_pkey');
    expect(await meanStep(client, 'sites', 'ctid')).toBe(await meanStep(client, 'sites', 'id'));
    expect(await clusterByPlace(store)).toMatch(/^sites ordered by place in \d+\.\d s$/);
    expect(await meanStep(client, 'sites', 'ctid')).toBeLessThan(
      (await meanStep(client, 'sites', 'id')) / 20,
    );
    const { rows } = await client.query<{ clustered: boolean }>(
      `SELECT indisclustered AS clustered FROM pg_index WHERE indexrelid = 'sites_geom_idx'::regclass`,
    );
    expect(rows[0]!.clustered).toBe(true);
  });
});

describe('SQLite: nothing to order', () => {
  it('the admin command says so', async () => {
    const db = await createThrowawayStore('sqlite');
    const config = loadConfig({ DATABASE_URL: db.url, GRIDWATCH_SEED: 'none', LOG_LEVEL: 'silent' });
    const store = await openStore(config.store, {});
    try {
      expect(await clusterByPlace(store)).toBe('nothing to do: SQLite keeps rows in id order');
    } finally {
      await store.close();
      await db.drop();
    }
  });
});
