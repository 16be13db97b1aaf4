import { generateSeed } from '@gridwatch/geodata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tileBounds, tileOf, type TileCoord } from '../../src/domain/geo/tile-math';
import { CELL_MAX_ZOOM } from '../../src/store/sql/cluster-cells-sql';
import { TILE_POINT_CAP } from '../../src/store/tile-request';
import { decodeTile } from '../decode-tile';
import { BACKENDS, makeTestApp, type TestApp } from '../test-app';

/**
 * A z8 tile of the sites is drawn as clusters when it holds more than TILE_POINT_CAP points. Where the cluster
 * cells answer, the store reads the sites of the tile's own cells from them first, and takes clusters without
 * counting the points when those pass the cap (tile-sql.ts, cappedCount). That count must never pass the
 * tile's: a tile holding exactly the cap stays points though its neighbours hold many more, and one site more
 * makes it clusters, as counting the points says (liveClusters: the sites, not the cells).
 */
const SEED = generateSeed({ sites: 40, readings: false });
const Z = CELL_MAX_ZOOM;
// A tile of the region with few seed sites; crowds are put beside it.
const TILE: TileCoord = tileOf(80.2, 41.2, Z);

/** `count` points on a grid inside the bbox's middle part (`inset` of each side left free). */
function grid([w, s, e, n]: readonly number[], count: number, inset: number): [number, number][] {
  const side = Math.ceil(Math.sqrt(count));
  const at = (lo: number, hi: number, i: number) =>
    Math.round((lo + (hi - lo) * (inset + ((1 - 2 * inset) * (i + 0.5)) / side)) * 1e6) / 1e6;
  return Array.from({ length: count }, (_, i) => [at(w!, e!, i % side), at(s!, n!, Math.floor(i / side))]);
}

async function importSites(t: TestApp, at: [number, number][], prefix: string): Promise<void> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/import/sites',
    headers: { 'content-type': 'application/geo+json', cookie: await t.login('admin') },
    payload: JSON.stringify({
      type: 'FeatureCollection',
      features: at.map((coordinates, i) => ({
        type: 'Feature',
        geometry: { type: 'Point', coordinates },
        properties: {
          externalId: `${prefix}-${i}`,
          name: `${prefix}-${i}`,
          machines: 10,
          loadMw: 1 + (i % 7) / 4,
          status: 'SUSPECTED',
          firstObserved: '2026-03-01',
        },
      })),
    }),
  });
  expect(res.statusCode, res.body).toBe(200);
}

async function featuresOf(t: TestApp, liveClusters: boolean) {
  const bytes = await t.store.tile({ layer: 'sites', tile: TILE, filter: {}, liveClusters });
  return bytes ? decodeTile(bytes, 'sites').features : [];
}

const apps = new Map<string, TestApp>();
beforeAll(async () => {
  for (const backend of BACKENDS) apps.set(backend, await makeTestApp(SEED, backend));
}, 120_000);
afterAll(async () => {
  for (const t of apps.values()) await t.close();
});

describe.each(BACKENDS)('a z8 tile at the point cap on %s', (backend) => {
  it('stays points at the cap however crowded its neighbours, and turns clusters one site past it', async () => {
    const t = apps.get(backend)!;
    const inside = tileBounds(TILE);
    const seedIn = SEED.sites.filter(({ lon, lat }) => {
      const { x, y } = tileOf(lon, lat, Z);
      return x === TILE.x && y === TILE.y;
    });
    expect(seedIn.length).toBeLessThan(10);
    // The neighbours' crowds stand just past the tile's buffer (64 of 4096 pixels), 72 to 120 pixels off its
    // west and east edges: in the second ring of cells around it, which the tile's count must leave out.
    const [w, s, e, n] = inside;
    const px = (e - w) / 4096;
    await importSites(t, grid([w - 120 * px, s, w - 72 * px, n], 3_000, 0.05), 'WEST');
    await importSites(t, grid([e + 72 * px, s, e + 120 * px, n], 3_000, 0.05), 'EAST');
    // Nor does the tile's own crowd touch its edges, so the buffer adds nothing to its count.
    await importSites(t, grid(inside, TILE_POINT_CAP - seedIn.length, 0.05), 'IN');

    const atCap = await featuresOf(t, false);
    expect(atCap).toHaveLength(TILE_POINT_CAP);
    expect(atCap.every((f) => f.properties.cluster === undefined)).toBe(true);
    expect(atCap).toEqual(await featuresOf(t, true));

    await importSites(t, [[(inside[0]! + inside[2]!) / 2 + 1e-4, (inside[1]! + inside[3]!) / 2]], 'ONE-MORE');
    const pastCap = await featuresOf(t, false);
    expect(pastCap.length).toBeGreaterThan(0);
    expect(pastCap.every((f) => f.properties.cluster === true)).toBe(true);
    expect(pastCap).toEqual(await featuresOf(t, true));
  });
});
