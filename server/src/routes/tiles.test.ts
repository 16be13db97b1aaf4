import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SeedData } from '@gridwatch/contract';
import { STATUSES } from '@gridwatch/contract';
import { lonLatToTilePixel, tileOf, type TileCoord } from '../domain/geo/tile-math';
import { decodeTile, type DecodedFeature } from '../../test/decode-tile';
import { SMALL_SEED } from '../../test/fixtures/small-seed';
import { BACKENDS, makeTestApp, type TestApp } from '../../test/test-app';
import { TILE_POINT_CAP } from '../store/tile-request';

const url = (layer: string, { z, x, y }: TileCoord, query = '') =>
  `/api/tiles/${layer}/${z}/${x}/${y}.mvt${query}`;

/** The tiles at zoom z that cover the fixture's sites (86.5–89.2° E, 43.5–44.1° N). */
function tilesOverFixture(z: number): TileCoord[] {
  const nw = tileOf(86.5, 44.1, z);
  const se = tileOf(89.2, 43.5, z);
  const tiles: TileCoord[] = [];
  for (let x = nw.x; x <= se.x; x++) for (let y = nw.y; y <= se.y; y++) tiles.push({ z, x, y });
  return tiles;
}

const inside = (f: DecodedFeature) => f.x >= 0 && f.x < 4096 && f.y >= 0 && f.y < 4096;
const byId = (a: DecodedFeature, b: DecodedFeature) => (a.id ?? 0) - (b.id ?? 0);

describe.each(BACKENDS)('vector tiles on %s', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await makeTestApp(SMALL_SEED, backend);
  });
  afterAll(async () => t.close());

  const get = (path: string, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'GET', url: path, headers });
  const features = async (layer: string, tile: TileCoord, query = '') => {
    const res = await get(url(layer, tile, query));
    if (res.statusCode === 204) return [];
    expect(res.statusCode).toBe(200);
    return decodeTile(res.rawPayload, layer).features;
  };

  it('serves the sites of a tile with their ids, attributes and positions', async () => {
    const tile = tileOf(87.01, 44.01, 8);
    const res = await get(url('sites', tile));
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.mapbox-vector-tile');
    expect(res.headers['cache-control']).toMatch(/max-age=\d+/);
    const decoded = decodeTile(res.rawPayload, 'sites');
    expect(decoded.layerNames).toEqual(['sites']);
    expect(decoded.extent).toBe(4096);
    const sites = decoded.features.sort(byId);
    expect(sites.map((f) => f.id)).toEqual([1, 2, 6]);
    expect(sites[0]!.properties).toEqual({
      externalId: 'M-1',
      name: 'Farm One',
      nameZh: '一号矿场',
      status: 'LICENSED',
      loadMw: 12.5,
    });
    expect(sites[2]!.properties).toMatchObject({ status: 'SHUTDOWN_ORDERED', loadMw: 100.125 });
    const [px, py] = lonLatToTilePixel(87.01, 44.01, tile);
    expect(Math.abs(sites[0]!.x - px)).toBeLessThanOrEqual(1);
    expect(Math.abs(sites[0]!.y - py)).toBeLessThanOrEqual(1);
  });

  it('applies the status filter of the layer route', async () => {
    const tile = tileOf(87.01, 44.01, 8);
    const sites = await features('sites', tile, '?status=UNLICENSED,SHUTDOWN_ORDERED');
    expect(sites.map((f) => f.id).sort()).toEqual([2, 6]);
  });

  it('draws the sites as of a day with the status each had then, as the layer route does', async () => {
    const tile = tileOf(87.01, 44.01, 8);
    const statusesOn = async (day: string, query = '') =>
      (await features('sites', tile, `?asOf=${day}${query}`))
        .sort(byId)
        .map((f) => [f.id, f.properties.status]);
    // M-6 (id 6): SUSPECTED on 7 January, UNLICENSED on 4 February, SHUTDOWN_ORDERED on 2 March.
    expect(await statusesOn('2026-01-07')).toEqual([
      [1, 'LICENSED'],
      [2, 'SUSPECTED'],
      [6, 'SUSPECTED'],
    ]);
    expect(await statusesOn('2026-02-04')).toEqual([
      [1, 'LICENSED'],
      [2, 'UNLICENSED'],
      [6, 'UNLICENSED'],
    ]);
    expect(await statusesOn('2026-01-07', '&status=SUSPECTED')).toEqual([
      [2, 'SUSPECTED'],
      [6, 'SUSPECTED'],
    ]);
    expect((await get(url('sites', tile, '?asOf=2026-01-04'))).statusCode).toBe(204);
    // Clusters count the statuses of that day too.
    const clusters = await features('sites', tileOf(87.01, 44.01, 4), '?asOf=2026-02-04');
    expect(clusters.every((c) => c.properties.cluster === true)).toBe(true);
    const total = (name: string) => clusters.reduce((n, c) => n + Number(c.properties[name] ?? 0), 0);
    expect([total('count_UNLICENSED'), total('count_SHUTDOWN_ORDERED')]).toEqual([3, 0]);
    const layer = await t.app.inject({ method: 'GET', url: '/api/layers/sites?asOf=2026-02-04' });
    const unlicensed = (layer.json().features as { properties: { status: string } }[]).filter(
      (f) => f.properties.status === 'UNLICENSED',
    );
    expect(unlicensed).toHaveLength(3);
  });

  it('refuses asOf on a layer other than sites, naming the parameter', async () => {
    const res = await get(url('lines', tileOf(87.01, 44.01, 8), '?asOf=2026-02-04'));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].path).toBe('/asOf');
  });

  it('answers an unchanged tile with 304 when the ETag is sent back', async () => {
    const path = url('sites', tileOf(87.01, 44.01, 8));
    const first = await get(path);
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^".+"$/);
    const again = await get(path, { 'if-none-match': etag });
    expect(again.statusCode).toBe(304);
    expect(again.rawPayload).toHaveLength(0);
    // A cache-busting `v` changes the URL, not the tile.
    expect((await get(`${path}?v=17`)).headers.etag).toBe(etag);
  });

  it('answers a tile with nothing in it with 204 and no body', async () => {
    const res = await get(url('sites', { z: 8, x: 0, y: 0 }));
    expect(res.statusCode).toBe(204);
    expect(res.rawPayload).toHaveLength(0);
    // Pylons are not served below zoom 9, where they would only smear the lines.
    expect((await get(url('pylons', tileOf(87.25, 44.01, 8)))).statusCode).toBe(204);
    expect((await features('pylons', tileOf(87.25, 44.01, 12))).map((f) => f.id)).toEqual([2]);
  });

  it.each([0, 4, 5, 7])(
    'aggregates sites into clusters at zoom %i whose sums are the layer totals',
    async (z) => {
      let count = 0;
      let loadMw = 0;
      const byStatus: Record<string, { count: number; loadMw: number }> = {};
      for (const tile of tilesOverFixture(z)) {
        for (const f of await features('sites', tile)) {
          expect(f.id).toBeUndefined();
          expect(f.properties.cluster).toBe(true);
          // Clusters in the buffer repeat the neighbour's: count each in the tile that holds it.
          if (!inside(f)) continue;
          count += f.properties.count as number;
          loadMw += f.properties.loadMw as number;
          for (const s of STATUSES) {
            const entry = (byStatus[s] ??= { count: 0, loadMw: 0 });
            entry.count += f.properties[`count_${s}`] as number;
            entry.loadMw += f.properties[`loadMw_${s}`] as number;
          }
        }
      }
      expect(count).toBe(6);
      expect(loadMw).toBeCloseTo(218.875, 9);
      expect(byStatus).toEqual({
        LICENSED: { count: 1, loadMw: 12.5 },
        NO_CONTRACT: { count: 1, loadMw: 8.25 },
        UNLICENSED: { count: 1, loadMw: 40 },
        SUSPECTED: { count: 1, loadMw: 3 },
        SHUTDOWN_ORDERED: { count: 1, loadMw: 100.125 },
        SHUT_DOWN: { count: 1, loadMw: 55 },
        NOT_FOUND: { count: 0, loadMw: 0 },
      });
    },
  );

  it('puts the sites of one 64-pixel cell in one cluster at their mean position', async () => {
    const tile = tileOf(87.01, 44.01, 4);
    const clusters = (await features('sites', tile)).filter(inside);
    // M-1 and M-2 are 1.4 km apart: one cell at zoom 4 (about 6 km); every other site has its own.
    const pair = clusters.find((f) => f.properties.count === 2);
    expect(pair?.properties).toMatchObject({ loadMw: 52.5, count_LICENSED: 1, count_UNLICENSED: 1 });
    const [x1, y1] = lonLatToTilePixel(87.01, 44.01, tile);
    const [x2, y2] = lonLatToTilePixel(87.02, 44.02, tile);
    expect(Math.abs(pair!.x - (x1 + x2) / 2)).toBeLessThanOrEqual(1);
    expect(Math.abs(pair!.y - (y1 + y2) / 2)).toBeLessThanOrEqual(1);
  });

  it('clusters only the sites of the status filter', async () => {
    const clusters = (
      await features('sites', { z: 0, x: 0, y: 0 }, '?status=UNLICENSED,SHUTDOWN_ORDERED')
    ).filter(inside);
    expect(clusters.reduce((n, f) => n + (f.properties.count as number), 0)).toBe(2);
    expect(clusters.reduce((n, f) => n + (f.properties.loadMw as number), 0)).toBeCloseTo(140.125, 9);
  });

  it('puts sites on either side of a tile edge in their own tiles, and the near one in the buffer of the other', async () => {
    // At zoom 11 a column edge runs at 87.01171875° E: M-1 (87.01) is 40 px west of it, M-2 (87.02) 193 px east.
    const west = tileOf(87.01, 44.01, 11);
    const east = tileOf(87.02, 44.02, 11);
    expect(east).toEqual({ ...west, x: west.x + 1 });
    const inWest = await features('sites', west);
    const inEast = await features('sites', east);
    const m1West = inWest.find((f) => f.id === 1)!;
    expect(inside(m1West)).toBe(true);
    expect(inWest.some((f) => f.id === 2)).toBe(false);
    expect(inside(inEast.find((f) => f.id === 2)!)).toBe(true);
    const m1East = inEast.find((f) => f.id === 1)!;
    expect(m1East.x).toBeLessThan(0);
    expect(m1East.x).toBeGreaterThanOrEqual(-64);
    expect(Math.abs(m1East.x - lonLatToTilePixel(87.01, 44.01, east)[0])).toBeLessThanOrEqual(1);
  });

  it('serves a line in every tile it crosses', async () => {
    // L-1 runs from 87.0 to 87.5° E (rising to 44.01° N at 87.25): seven columns at zoom 12.
    const first = tileOf(87.0, 44.0, 12).x;
    const last = tileOf(87.5, 44.0, 12).x;
    expect(last - first).toBeGreaterThanOrEqual(5);
    for (let x = first; x <= last; x++) {
      const lon = ((x + 0.5) / 2 ** 12) * 360 - 180;
      const lat = lon <= 87.25 ? 44 + ((lon - 87) / 0.25) * 0.01 : 44.01 - ((lon - 87.25) / 0.25) * 0.01;
      const lines = await features('lines', tileOf(lon, lat, 12));
      expect(lines.map((f) => [f.id, f.type, f.properties])).toEqual([
        [1, 2, { externalId: 'L-1', name: 'Alpha–Beta 750 kV', nameZh: '甲乙线', voltageKv: 750 }],
      ]);
    }
    expect((await get(url('lines', tileOf(87.25, 44.5, 12)))).statusCode).toBe(204);
  });

  it('serves substations and regions', async () => {
    const subs = await features('substations', tileOf(87.0, 44.0, 10));
    expect(subs.map((f) => [f.id, f.properties])).toEqual([
      [1, { externalId: 'S-1', name: 'Alpha', nameZh: '甲站', voltageKv: 750 }],
    ]);
    const regions = await features('regions', tileOf(87.9, 44.0, 6));
    expect(regions.map((f) => [f.id, f.type, f.properties.externalId]).sort()).toEqual([
      [1, 3, 'R-W'],
      [2, 3, 'R-E'],
    ]);
  });

  describe('bad tile requests (QUALITY.md §7)', () => {
    it.each([
      ['z above 22', '/api/tiles/sites/23/0/0.mvt', 'z'],
      ['z negative', '/api/tiles/sites/-1/0/0.mvt', 'z'],
      ['z fractional', '/api/tiles/sites/1.5/0/0.mvt', 'z'],
      ['z not a number', '/api/tiles/sites/ten/0/0.mvt', 'z'],
      ['x = 2^z', '/api/tiles/sites/3/8/0.mvt', 'x'],
      ['x negative', '/api/tiles/sites/3/-1/0.mvt', 'x'],
      ['x fractional', '/api/tiles/sites/3/1.5/0.mvt', 'x'],
      ['y = 2^z', '/api/tiles/sites/3/0/8.mvt', 'y'],
      ['y huge', '/api/tiles/sites/3/0/99999999999.mvt', 'y'],
      ['y with an exponent', '/api/tiles/sites/3/0/1e1.mvt', 'y'],
      ['a status filter on another layer', '/api/tiles/lines/3/0/0.mvt?status=LICENSED', 'status'],
      ['an unknown status', '/api/tiles/sites/3/0/0.mvt?status=ILLEGAL', 'status'],
      ['an unknown query field', '/api/tiles/sites/3/0/0.mvt?bbox=1,2,3,4', 'bbox'],
    ])('%s is 400 VALIDATION_FAILED naming %s', async (_name, path, param) => {
      const res = await get(path);
      expect(res.statusCode).toBe(400);
      const { error } = res.json();
      expect(error.code).toBe('VALIDATION_FAILED');
      expect(error.details[0].path).toBe(`/${param}`);
      expect(error.message).toMatch(
        param === 'bbox' ? /bbox/ : new RegExp(param === 'status' ? 'status' : `^${param}`),
      );
    });

    it.each(['roads', 'zones'])('an untiled layer (%s) is 404 NOT_FOUND', async (layer) => {
      const res = await get(`/api/tiles/${layer}/3/0/0.mvt`);
      expect(res.statusCode).toBe(404);
      expect(res.json().error).toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining(layer) });
    });
  });
});

describe('both stores send the same tiles', () => {
  const apps: Partial<Record<(typeof BACKENDS)[number], TestApp>> = {};
  beforeAll(async () => {
    for (const backend of BACKENDS) apps[backend] = await makeTestApp(SMALL_SEED, backend);
  });
  afterAll(async () => {
    for (const app of Object.values(apps)) await app.close();
  });

  /** What must agree: ids, geometry types and properties exactly; positions within a pixel of rounding. */
  async function fetchAll(backend: (typeof BACKENDS)[number], layer: string, tile: TileCoord) {
    const res = await apps[backend]!.app.inject({ method: 'GET', url: url(layer, tile) });
    if (res.statusCode === 204) return [];
    return decodeTile(res.rawPayload, layer).features.sort((a, b) => byId(a, b) || a.y - b.y || a.x - b.x);
  }

  it.each(['sites', 'substations', 'lines', 'pylons', 'regions'])(
    'for %s from zoom 0 to 14',
    async (layer) => {
      for (const z of [0, 3, 4, 5, 6, 7, 8, 9, 11, 12, 14]) {
        for (const tile of tilesOverFixture(z).slice(0, 40)) {
          const [a, b] = await Promise.all(BACKENDS.map((backend) => fetchAll(backend, layer, tile)));
          expect(b!.map((f) => [f.id, f.type, f.properties])).toEqual(
            a!.map((f) => [f.id, f.type, f.properties]),
          );
          if (layer === 'lines' || layer === 'regions') continue;
          a!.forEach((f, i) => {
            expect(Math.abs(f.x - b![i]!.x)).toBeLessThanOrEqual(1);
            expect(Math.abs(f.y - b![i]!.y)).toBeLessThanOrEqual(1);
          });
        }
      }
    },
  );
});

describe.each(BACKENDS)('a tile with more points than the cap on %s', (backend) => {
  // A dense district: more sites than one tile may carry as points, in a 0.2° square at 86.6° E, 44.2° N,
  // well inside one zoom-9 tile.
  const count = TILE_POINT_CAP + 100;
  const dense: SeedData = {
    ...SMALL_SEED,
    sites: Array.from({ length: count }, (_, i) => ({
      ...SMALL_SEED.sites[0]!,
      externalId: `D-${i}`,
      loadMw: 1.5,
      status: STATUSES[i % STATUSES.length]!,
      lon: 86.6 + (i % 71) * 0.003,
      lat: 44.2 + Math.floor(i / 71) * 0.003,
    })),
    statusChanges: [],
  };
  let t: TestApp;
  beforeAll(async () => {
    t = await makeTestApp(dense, backend);
  });
  afterAll(async () => t.close());

  it('is sent as clusters even at a zoom where points are the rule, and never carries every point', async () => {
    const tile = tileOf(86.7, 44.3, 9);
    expect(tileOf(86.6, 44.2, 9)).toEqual(tile);
    expect(tileOf(86.81, 44.38, 9)).toEqual(tile);
    const res = await t.app.inject({ method: 'GET', url: url('sites', tile) });
    const clusters = decodeTile(res.rawPayload, 'sites').features;
    expect(clusters.every((f) => f.properties.cluster === true)).toBe(true);
    expect(clusters.length).toBeLessThan(count / 4);
    expect(clusters.filter(inside).reduce((n, f) => n + (f.properties.count as number), 0)).toBe(count);
    expect(res.rawPayload.length).toBeLessThan(200_000);
  });

  it('is sent as points when zoomed in below the cap', async () => {
    const sites = decodeTile(
      (await t.app.inject({ method: 'GET', url: url('sites', tileOf(86.6, 44.2, 14)) })).rawPayload,
      'sites',
    ).features;
    expect(sites.length).toBeGreaterThan(0);
    expect(sites.length).toBeLessThanOrEqual(TILE_POINT_CAP);
    expect(sites.every((f) => typeof f.id === 'number' && f.properties.cluster === undefined)).toBe(true);
  });
});
