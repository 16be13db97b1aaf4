import { generateSeed } from '@gridwatch/geodata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lonLatToTilePixel, tileOf, type TileCoord } from '../../src/domain/geo/tile-math';
import type { TileLayerId } from '@gridwatch/contract';
import { decodeTile, type DecodedFeature } from '../decode-tile';
import { BACKENDS, makeTestApp, type TestApp } from '../test-app';

/**
 * Point tiles place every point alike on both stores: at the pixels the shared tile SQL computes, rounded half up
 * (tile-sql.ts PointsPlan; PostGIS no longer projects each point again through ST_AsMVTGeom). Every tile of
 * z12 and z14 holding a site, substation or pylon of the seed (and their buffers' neighbours) must decode to the
 * same features, position included, on SQLite and PostGIS, and each point must sit where its longitude and
 * latitude put it in the tile.
 */
const SEED = generateSeed({ sites: 600, readings: false });
// Each layer's points with the externalId its tile features carry.
type Point = { externalId: string; lon: number; lat: number };
const LAYERS: { layer: TileLayerId; points: Point[] }[] = [
  { layer: 'sites', points: SEED.sites },
  { layer: 'substations', points: SEED.substations },
];

function tilesHolding(points: Point[], z: number): TileCoord[] {
  const tiles = new Map<string, TileCoord>();
  for (const p of points) {
    const t = tileOf(p.lon, p.lat, z);
    tiles.set(`${t.x}/${t.y}`, t);
  }
  return [...tiles.values()].sort((a, b) => a.x - b.x || a.y - b.y);
}

const apps = new Map<string, TestApp>();
beforeAll(async () => {
  for (const backend of BACKENDS) apps.set(backend, await makeTestApp(SEED, backend));
}, 120_000);
afterAll(async () => {
  for (const t of apps.values()) await t.close();
});

async function featuresOf(t: TestApp, layer: TileLayerId, tile: TileCoord): Promise<DecodedFeature[]> {
  const bytes = await t.store.tile({ layer, tile, filter: {} });
  return bytes ? decodeTile(bytes, layer).features : [];
}

describe('point tiles', () => {
  it.each(LAYERS.flatMap(({ layer, points }) => [12, 14].map((z) => ({ layer, points, z }))))(
    '$layer at z$z: the same points at the same pixels on both stores, where their coordinates put them',
    async ({ layer, points, z }) => {
      const byExternalId = new Map(points.map((p) => [p.externalId, p]));
      const tiles = tilesHolding(points, z);
      expect(tiles.length).toBeGreaterThan(10);
      let placed = 0;
      for (const tile of tiles) {
        const [first, ...others] = await Promise.all(
          BACKENDS.map((b) => featuresOf(apps.get(b)!, layer, tile)),
        );
        for (const other of others) expect(other, `${z}/${tile.x}/${tile.y}`).toEqual(first);
        for (const f of first!) {
          if (f.properties.cluster === true) continue;
          const point = byExternalId.get(String(f.properties.externalId))!;
          const [px, py] = lonLatToTilePixel(point.lon, point.lat, tile);
          // Half a pixel at most, and a hair more where the SQL's float arithmetic and this one part.
          expect(Math.abs(f.x - px), `${layer} ${f.id} x`).toBeLessThanOrEqual(0.5 + 1e-6);
          expect(Math.abs(f.y - py), `${layer} ${f.id} y`).toBeLessThanOrEqual(0.5 + 1e-6);
          placed++;
        }
      }
      expect(placed).toBeGreaterThan(points.length / 2);
    },
    120_000,
  );
});
