import { STATUSES, type SeedData, type Status } from '@gridwatch/contract';
import type { MultiPolygon, Polygon } from 'geojson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EDGE_SITES } from '../../test/fixtures/edge-sites';
import { SMALL_SEED } from '../../test/fixtures/small-seed';
import { BACKENDS, makeTestApp, type TestApp } from '../../test/test-app';
import { tallySites } from '../domain/summaries';
import { sitesWithin, unlicensedLoadNear } from '../services/spatial-queries';

/**
 * The unlicensed-load and within answers are put together around feature texts the database wrote
 * (services/spatial-queries-json.ts): the bytes must be JSON.stringify's of the answers the services build from
 * objects (spatial-queries.ts), on both stores. Besides the small seed, the edge sites (test/fixtures/edge-sites.ts)
 * where they are, and copies of them around substation S-1 (87, 44) with the statuses that count as unlicensed,
 * so that tiny, long and integral loads fall in the summaries and the fallback rows in the circle.
 */
const UNLICENSED: readonly Status[] = ['UNLICENSED', 'NO_CONTRACT', 'SHUTDOWN_ORDERED', 'SUSPECTED'];
const NEAR_S1: SeedData['sites'] = EDGE_SITES.map((site, i) => ({
  ...site,
  externalId: `N-${i + 1}`,
  status: UNLICENSED[i % UNLICENSED.length]!,
  lon: 87 + (i + 1) * 0.0123456789,
  lat: 44 - (i % 3) * 0.01,
}));

const SEED: SeedData = { ...SMALL_SEED, sites: [...SMALL_SEED.sites, ...EDGE_SITES, ...NEAR_S1] };

const box = (minLon: number, minLat: number, maxLon: number, maxLat: number) => [
  [minLon, minLat],
  [maxLon, minLat],
  [maxLon, maxLat],
  [minLon, maxLat],
  [minLon, minLat],
];

const AREAS: [string, Polygon | MultiPolygon, Status[] | null][] = [
  ['the world', { type: 'Polygon', coordinates: [box(-180, -90, 180, 90)] }, null],
  ['around S-1', { type: 'Polygon', coordinates: [box(86.5, 43.5, 87.5, 44.5)] }, null],
  [
    'around S-1, unlicensed only',
    { type: 'Polygon', coordinates: [box(86.5, 43.5, 87.5, 44.5)] },
    ['UNLICENSED'],
  ],
  [
    'a box with a hole',
    { type: 'Polygon', coordinates: [box(86.5, 43.5, 87.5, 44.5), box(87.0, 43.99, 87.03, 44.01).reverse()] },
    null,
  ],
  [
    'two boxes',
    { type: 'MultiPolygon', coordinates: [[box(86.5, 43.5, 87.5, 44.5)], [box(-75, -35, -70, -30)]] },
    ['SUSPECTED', 'UNLICENSED', 'NO_CONTRACT'],
  ],
  ['nothing', { type: 'Polygon', coordinates: [box(10, 10, 11, 11)] }, null],
];

const CIRCLES: [number, boolean][] = [
  [10, false],
  [10, true],
  [0.5, true],
  [300, true],
  [500, false],
];

describe.each(BACKENDS)('spatial answers around database-written features on %s', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await makeTestApp(SEED, backend);
  });
  afterAll(async () => t.close());

  it.each(CIRCLES)(
    'unlicensed load within %s km (suspected: %s) is JSON.stringify of the objects',
    async (r, s) => {
      for (const substationId of [1, 2, 3]) {
        const url = `/api/substations/${substationId}/unlicensed-load?radiusKm=${r}&includeSuspected=${s}`;
        const res = await t.app.inject({ method: 'GET', url });
        expect(res.statusCode).toBe(200);
        expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
        expect(res.body).toBe(JSON.stringify(await unlicensedLoadNear(t.store, substationId, r, s)));
      }
    },
  );

  it('counts the copies near S-1, the fallback rows among them', async () => {
    const answer = await unlicensedLoadNear(t.store, 1, 10, true);
    const ids = answer.sites.features.map((f) => f.properties.externalId);
    expect(ids).toEqual(expect.arrayContaining(NEAR_S1.map((s) => s.externalId)));
  });

  it('answers 404 for a substation that does not exist', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/substations/999/unlicensed-load?radiusKm=10',
    });
    expect(res.statusCode).toBe(404);
  });

  it.each(AREAS)('sites within %s are JSON.stringify of the objects', async (_what, geometry, status) => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/query/within',
      payload: { geometry, ...(status ? { status } : {}) },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(res.body).toBe(JSON.stringify(await sitesWithin(t.store, geometry, status)));
  });

  it.each(AREAS)(
    'PostGIS copies the sites within %s in one statement, tallied as the summary reads them',
    async (_what, geometry, status) => {
      const copy = t.store.copySitesInPolygon(geometry, status, 256);
      if (backend === 'sqlite') return expect(copy).toBeNull();
      const chunks: Buffer[] = [];
      for await (const chunk of copy!.chunks) chunks.push(Buffer.from(chunk));
      const sites = await t.store.sitesInPolygonJson(geometry, status);
      expect(Buffer.concat(chunks).toString('utf8')).toBe(sites.map((site) => site.json).join(','));
      expect([...copy!.tallies()]).toEqual([...tallySites(sites, status ?? STATUSES)]);
      if (sites.length > 10) expect(chunks.length).toBeGreaterThan(1);
    },
  );

  it('finds every site in the world, boundary included', async () => {
    const geometry = AREAS[0]![1];
    const answer = await sitesWithin(t.store, geometry, null);
    expect(answer.features).toHaveLength(SEED.sites.length);
  });
});
