/**
 * Issue 17, HTTP caching: tiles and layer reads carry an ETag made of the data versions (migration 0015) that
 * every write advances in its own transaction, answer 304 to If-None-Match without drawing the tile, and a write
 * on one layer leaves the other layers' ETags alone. Both stores; the ETag is shared by a second instance.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tileOf } from '../../src/domain/geo/tile-math';
import { dataEtag, resourceOf } from '../../src/services/data-etag';
import { SMALL_SEED } from '../fixtures/small-seed';
import { BACKENDS, makeTestApp, type TestApp } from '../test-app';
import { secondInstance } from './second-instance';

const { x, y } = tileOf(87.01, 44.01, 8);
const SITES_TILE = `/api/tiles/sites/8/${x}/${y}.mvt`;
const SUBSTATIONS_TILE = `/api/tiles/substations/8/${x}/${y}.mvt`;
const LINES = '/api/layers/lines';
const SITES = '/api/layers/sites';
const ZONES = '/api/layers/zones';

const zone = (name: string) => ({
  name,
  geometry: {
    type: 'Polygon',
    coordinates: [
      [
        [87, 44],
        [87.1, 44],
        [87.1, 44.1],
        [87, 44.1],
        [87, 44],
      ],
    ],
  },
});

describe.each(BACKENDS)('ETags from the data versions on %s', (backend) => {
  let t: TestApp;
  let b: Awaited<ReturnType<typeof secondInstance>>;
  let enforcer: string;
  let admin: string;
  beforeAll(async () => {
    t = await makeTestApp(SMALL_SEED, backend);
    b = await secondInstance(t.databaseUrl, { GRIDWATCH_PUBLIC_READ: 'true' });
    enforcer = await t.login('enforcer');
    admin = await t.login('admin');
  });
  afterAll(async () => {
    await b?.close();
    await t?.close();
  });

  const get = (url: string, headers: Record<string, string> = {}, app = t.app) =>
    app.inject({ method: 'GET', url, headers });
  const etags = async () => {
    const all: Record<string, string> = {};
    for (const url of [SITES_TILE, SUBSTATIONS_TILE, LINES, SITES, ZONES]) {
      all[url] = (await get(url)).headers.etag as string;
    }
    return all;
  };
  const changeStatus = async (id: number, status: string) => {
    const { version } = (await get(`/api/sites/${id}`)).json().properties;
    const res = await t.app.inject({
      method: 'PATCH',
      url: `/api/sites/${id}`,
      headers: { cookie: enforcer },
      payload: { status, note: 'caching test', version },
    });
    expect(res.statusCode).toBe(200);
  };

  it('answers a repeat with 304 and no body, on either instance, and says who may keep it', async () => {
    for (const url of [SITES_TILE, SITES]) {
      const first = await get(url);
      expect(first.statusCode).toBe(200);
      const etag = first.headers.etag as string;
      expect(etag).toMatch(/^".+"$/);
      expect(first.headers['cache-control']).toBe('public, max-age=5, must-revalidate');
      expect(first.headers.vary).toMatch(/Cookie, Authorization/);
      const again = await get(url, { 'if-none-match': etag });
      expect(again.statusCode).toBe(304);
      expect(again.rawPayload.length).toBe(0);
      expect((await get(url, { 'if-none-match': etag }, b.app)).statusCode).toBe(304);
      // Signed in: the browser's alone, revalidated on every use.
      const mine = await get(url, { cookie: enforcer });
      expect(mine.headers['cache-control']).toBe('private, max-age=0, must-revalidate');
      expect(mine.headers.etag).toBe(etag);
    }
  });

  it('a status change gives the sites a new ETag and a new tile, and leaves the other layers alone', async () => {
    const before = await etags();
    await changeStatus(4, 'UNLICENSED');
    const after = await etags();
    expect(after[SITES_TILE]).not.toBe(before[SITES_TILE]);
    expect(after[SITES]).not.toBe(before[SITES]);
    for (const url of [SUBSTATIONS_TILE, LINES, ZONES]) expect(after[url]).toBe(before[url]);
    // The old tag is no longer current: revalidating gets the new answer, on the other instance too.
    const fresh = await get(SITES, { 'if-none-match': before[SITES]! }, b.app);
    expect(fresh.statusCode).toBe(200);
    expect(fresh.json().features.find((f: { id: number }) => f.id === 4).properties.status).toBe(
      'UNLICENSED',
    );
    expect(fresh.headers.etag).toBe(after[SITES]);
  });

  it('a zone write moves the zones only; retiring and restoring a site moves the sites', async () => {
    const before = await etags();
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/zones',
      headers: { cookie: enforcer },
      payload: zone('caching zone'),
    });
    expect(created.statusCode).toBe(201);
    const afterZone = await etags();
    expect(afterZone[ZONES]).not.toBe(before[ZONES]);
    for (const url of [SITES_TILE, SITES, LINES]) expect(afterZone[url]).toBe(before[url]);
    const { version } = (await get('/api/sites/2')).json().properties;
    const retired = await t.app.inject({
      method: 'DELETE',
      url: '/api/sites/2',
      headers: { cookie: admin },
      payload: { version, reason: 'a duplicate' },
    });
    expect(retired.statusCode).toBe(200);
    const afterRetire = await etags();
    expect(afterRetire[SITES_TILE]).not.toBe(afterZone[SITES_TILE]);
    expect(afterRetire[ZONES]).toBe(afterZone[ZONES]);
  });

  it('an import moves the layer it writes', async () => {
    const before = await etags();
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/import/sites',
      headers: { cookie: admin },
      payload: {
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            geometry: { type: 'Point', coordinates: [87.02, 44.02] },
            properties: {
              externalId: 'M-CACHE',
              name: 'Cache farm',
              nameZh: '缓存矿场',
              operator: 'x',
              machines: 10,
              loadMw: 1,
              status: 'SUSPECTED',
              firstObserved: '2025-01-01',
            },
          },
        ],
      },
    });
    expect(res.statusCode, res.body).toBe(200);
    const after = await etags();
    expect(after[SITES_TILE]).not.toBe(before[SITES_TILE]);
    expect(after[LINES]).toBe(before[LINES]);
  });
});

describe('the ETag', () => {
  const versions = { regions: 1, substations: 2, lines: 3, pylons: 4, sites: 5, zones: 6, utilities: 7 };
  it("differs by the URL (filters, day), the reader's utility scope, and the versions its layer depends on only", () => {
    // Another URL (a filter, a day), another ETag: MapLibre keeps a reloaded tile whose ETag did not change.
    expect(resourceOf('/t?v=3&status=A&asOf=2026-03-01')).toBe(resourceOf('/t?asOf=2026-03-01&status=A'));
    expect(dataEtag(versions, 'sites', null, '/t?status=A')).not.toBe(
      dataEtag(versions, 'sites', null, '/t'),
    );
    expect(dataEtag(versions, 'sites', null)).not.toBe(dataEtag(versions, 'sites', 2));
    expect(dataEtag(versions, 'sites', 1)).not.toBe(dataEtag(versions, 'sites', 2));
    expect(dataEtag({ ...versions, zones: 9 }, 'sites', null)).toBe(dataEtag(versions, 'sites', null));
    expect(dataEtag({ ...versions, utilities: 9 }, 'sites', null)).not.toBe(
      dataEtag(versions, 'sites', null),
    );
  });
});
