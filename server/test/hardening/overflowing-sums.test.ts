/**
 * Issue 10, item 3: `loadMw: 1e20` made every SQLite tile holding the site answer 500 (vt-pbf writes a whole
 * number as a varint, which holds at most 2⁶⁴), and two sites of 1.7e308 MW made PostGIS's low-zoom tiles,
 * hotspots and unexplained load 500 (float8 sums overflow: "value out of range") and SQLite's totals null (its
 * SUM of REAL became infinity). The import now refuses such values (number-bounds.test.ts); here the database
 * holds them anyway — bulk-loaded past the import's checks, or written into a row directly, as a database older
 * than the bounds may — and every read answers 200 with finite numbers, on both stores.
 */
import { sqltag as sql } from '@prisma/client/runtime/client';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  MAX_CAPACITY_MVA,
  MAX_SITE_LOAD_MW,
  MAX_SITE_MACHINES,
  MAX_SUBSTATION_LOAD_MW,
  MAX_VOLTAGE_KV,
  type SeedData,
} from '@gridwatch/contract';
import { tileOf } from '../../src/domain/geo/tile-math';
import { SUM_TERM_CAP_MW } from '../../src/domain/sum-term';
import type { PostgisStore } from '../../src/store/postgis/postgis-store';
import type { RawClient } from '../../src/store/sql/sql-store';
import type { SqliteStore } from '../../src/store/sqlite/sqlite-store';
import { decodeTile } from '../decode-tile';
import { SMALL_SEED } from '../fixtures/small-seed';
import { BACKENDS, makeTestApp, type TestApp } from '../test-app';

const S1 = { lon: 87.0, lat: 44.0 };

/** Every read that sums loads, around S-1 (id 1, in region R-W, utility 1). */
const SUMMING_READS = [
  '/api/layers/sites',
  '/api/sites/2',
  '/api/analysis/hotspots?radiusKm=10',
  '/api/analysis/hotspots?radiusKm=500&includeSuspected=true',
  '/api/analysis/hotspots?radiusKm=10&asOf=2026-06-01',
  '/api/analysis/unexplained-load?radiusKm=10',
  '/api/analysis/unexplained-load?radiusKm=10&asOf=2026-06-01',
  '/api/analysis/unexplained-load?radiusKm=500',
  '/api/analysis/regions',
  '/api/substations/1/unlicensed-load?radiusKm=500&includeSuspected=true',
  '/api/lines/1/corridor?widthKm=50',
  '/api/reports/progress?deadline=2026-08-31&asOf=2026-06-01',
  '/api/reports/progress/series?deadline=2026-08-31&asOf=2026-06-01&stepDays=31',
  '/api/export/sites.geojson',
  '/api/export/sites.csv',
];

/** The site tiles over S-1 at every zoom of the map (clusters below 8, points above). */
const TILES = Array.from({ length: 15 }, (_, z) => {
  const { x, y } = tileOf(S1.lon + 0.02, S1.lat + 0.02, z);
  return `/api/tiles/sites/${z}/${x}/${y}.mvt`;
});

/** Every number in an answer, with its JSON path: none may be missing (null) where a total belongs. */
function numbersOf(value: unknown, path = ''): [string, number][] {
  if (typeof value === 'number') return [[path, value]];
  if (Array.isArray(value)) return value.flatMap((v, i) => numbersOf(v, `${path}/${i}`));
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => numbersOf(v, `${path}/${k}`));
  return [];
}

const finiteJson = (res: LightMyRequestResponse) => {
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  if (!(res.headers['content-type'] ?? '').toString().includes('json')) return;
  for (const [path, n] of numbersOf(res.json())) expect(Number.isFinite(n), path).toBe(true);
};

/** The clusters' (or points') total load in a site tile; 0 when the tile is empty. */
const tileLoad = (res: LightMyRequestResponse) =>
  res.statusCode === 204
    ? 0
    : decodeTile(res.rawPayload, 'sites').features.reduce((sum, f) => sum + Number(f.properties.loadMw), 0);

describe.each(BACKENDS)('sums on %s', (backend) => {
  describe('of a database filled to the bounds', () => {
    // 5,000 sites at the load bound within 10 km of S-1, fed by it, and its meter and base load at theirs: the
    // sums are 10⁷ MW here, 2·10⁹ MW for a million sites — exact doubles, far from any overflow.
    const COUNT = 5_000;
    const sites: SeedData['sites'] = Array.from({ length: COUNT }, (_, i) => ({
      externalId: `B-${i}`,
      name: `Bound ${i}`,
      nameZh: '',
      operator: '',
      machines: MAX_SITE_MACHINES,
      loadMw: MAX_SITE_LOAD_MW,
      status: 'UNLICENSED',
      feederSubstationExternalId: 'S-1',
      firstObserved: '2026-01-05',
      lon: S1.lon + (i % 100) * 0.0005,
      lat: S1.lat + Math.floor(i / 100) * 0.0005,
      footprint: null,
      synthetic: true,
    }));
    const seed: SeedData = {
      ...SMALL_SEED,
      substations: SMALL_SEED.substations.map((s) =>
        s.externalId === 'S-1'
          ? {
              ...s,
              voltageKv: MAX_VOLTAGE_KV,
              capacityMva: MAX_CAPACITY_MVA,
              baseLoadMw: MAX_SUBSTATION_LOAD_MW,
              meteredPeakMw: MAX_SUBSTATION_LOAD_MW,
            }
          : s,
      ),
      sites,
      statusChanges: sites.map((s) => ({
        siteExternalId: s.externalId,
        fromStatus: null,
        toStatus: 'UNLICENSED',
        note: 'bound',
        username: 'fixture',
        at: '2026-01-05T08:00:00.000Z',
      })),
    };
    let t: TestApp;
    beforeAll(async () => {
      t = await makeTestApp(seed, backend);
    });
    afterAll(async () => t.close());

    it('answers every summing read with finite numbers, and the exact totals', async () => {
      for (const url of [...SUMMING_READS, ...TILES]) finiteJson(await t.app.inject({ url }));
      const total = COUNT * MAX_SITE_LOAD_MW;
      const [hotspot] = (await t.app.inject({ url: '/api/analysis/hotspots?radiusKm=10' })).json();
      expect(hotspot).toMatchObject({ substationId: 1, siteCount: COUNT, totalLoadMw: total });
      const unexplained = (await t.app.inject({ url: '/api/analysis/unexplained-load?radiusKm=10' })).json();
      expect(unexplained.find((r: { substationId: number }) => r.substationId === 1)).toMatchObject({
        knownIllegalLoadMw: total,
        unexplainedMw: MAX_SUBSTATION_LOAD_MW - MAX_SUBSTATION_LOAD_MW - total,
      });
      const progress = await t.app.inject({
        url: '/api/reports/progress?deadline=2026-08-31&asOf=2026-06-01',
      });
      expect(progress.json().utilities[0]).toMatchObject({ found: COUNT, loadStillDrawingMw: total });
      expect(tileLoad(await t.app.inject({ url: TILES[5]! }))).toBe(total);
    });
  });

  describe('of rows written past the bounds', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await makeTestApp(SMALL_SEED, backend);
      // As a database older than the bounds holds them: M-2 at 1e20 MW, M-1 and M-6 at 1.7e308 MW (their sum is
      // beyond the largest double), S-1's meter and capacity at 1.7e308.
      const db = (t.store as SqliteStore | PostgisStore).prisma as unknown as RawClient;
      await db.$executeRaw(sql`UPDATE sites SET load_mw = ${1e20} WHERE external_id = 'M-2'`);
      await db.$executeRaw(sql`UPDATE sites SET load_mw = ${1.7e308} WHERE external_id IN ('M-1', 'M-6')`);
      await db.$executeRaw(
        sql`UPDATE substations SET metered_peak_mw = ${1.7e308}, capacity_mva = ${1.7e308} WHERE external_id = 'S-1'`,
      );
      // Written past the store, the rows' cluster cells, served loads (now and by day) and hotspot loads are
      // filled anew, as a start after migrations 0020, 0021, 0023 and 0030 would.
      await db.$executeRaw(
        sql`DELETE FROM derived_state
          WHERE name IN ('site_cluster_cells', 'substation_served_loads', 'substation_served_days',
            'substation_hotspot_loads')`,
      );
      await (t.store as unknown as { fillDerivedData(): Promise<void> }).fillDerivedData();
    });
    afterAll(async () => t.close());

    it('answers every read with 200 and finite numbers, tiles at every zoom included', async () => {
      for (const url of [...SUMMING_READS, ...TILES]) finiteJson(await t.app.inject({ url }));
    });

    it('serves each value as stored, and counts it at most 10⁹ MW in every total', async () => {
      const site = await t.app.inject({ url: '/api/sites/2' });
      expect(site.json().properties.loadMw).toBe(1e20);
      const { x, y } = tileOf(87.02, 44.02, 12);
      const tile = decodeTile(
        (await t.app.inject({ url: `/api/tiles/sites/12/${x}/${y}.mvt` })).rawPayload,
        'sites',
      );
      expect(tile.features.find((f) => f.id === 2)?.properties.loadMw).toBe(1e20);
      // Within 500 km of S-1 and unlicensed (suspected included): M-2, M-3 (8.25), M-4 (3), M-6.
      const [hotspot] = (
        await t.app.inject({ url: '/api/analysis/hotspots?radiusKm=500&includeSuspected=true' })
      ).json();
      expect(hotspot.totalLoadMw).toBe(2 * SUM_TERM_CAP_MW + 8.25 + 3);
      const unexplained = (await t.app.inject({ url: '/api/analysis/unexplained-load?radiusKm=10' })).json();
      expect(unexplained.find((r: { substationId: number }) => r.substationId === 1)).toMatchObject({
        meteredPeakMw: 1.7e308,
        licensedLoadMw: SUM_TERM_CAP_MW,
        knownIllegalLoadMw: SUM_TERM_CAP_MW,
        unexplainedMw: SUM_TERM_CAP_MW - 500 - 2 * SUM_TERM_CAP_MW,
      });
      // Within 10 km, from the kept table (hotspot-loads-sql.ts): only M-2, its 1e20 MW counted as the cap.
      const kept = await t.app.inject({ url: '/api/analysis/hotspots?radiusKm=10&includeSuspected=true' });
      expect(kept.json()[0]).toMatchObject({ substationId: 1, totalLoadMw: SUM_TERM_CAP_MW });
      // The z5 clusters hold every site: M-1, M-2 and M-6 count a cap each, M-3 to M-5 8.25 + 3 + 55 MW.
      expect(tileLoad(await t.app.inject({ url: TILES[5]! }))).toBe(3 * SUM_TERM_CAP_MW + 66.25);
    });
  });
});
