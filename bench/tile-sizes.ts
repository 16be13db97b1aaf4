/**
 * Vector-tile sizes of the demo seed at zooms 4, 8 and 12, per layer: the tiles that hold the layer's data
 * (at zoom 12 the 50 densest), with the largest, the median and the time per tile. Run:
 *   npx tsx bench/tile-sizes.ts [--backend sqlite|postgis] [--sites N]
 * PostGIS uses a throwaway database on TEST_DATABASE_URL (else the local server), dropped afterwards.
 */
import { parseArgs } from 'node:util';
import type { Position } from 'geojson';
import { generateSeed } from '@gridwatch/geodata';
import type { SeedData } from '@gridwatch/contract';
import { TILE_LAYER_IDS, type TileLayerId } from '@gridwatch/contract';
import { tileOf, type TileCoord } from '../server/src/domain/geo/tile-math';
import { parseStoreUrl } from '../server/src/config';
import { openStore } from '../server/src/store/open-store';
import type { Store } from '../server/src/store/store';
import { createThrowawayStore } from '../server/test/throwaway-database';

const ZOOMS = [4, 8, 12];
const DENSEST_AT_HIGH_ZOOM = 50;

const { values } = parseArgs({
  options: { backend: { type: 'string', default: 'sqlite' }, sites: { type: 'string' } },
});
const backend = values.backend === 'postgis' ? 'postgis' : 'sqlite';

/** Every position of a layer in the seed: where its tiles are. */
function positionsOf(seed: SeedData, layer: TileLayerId): Position[] {
  const flat = (c: unknown): Position[] =>
    Array.isArray(c) && typeof c[0] === 'number' ? [c as Position] : (c as unknown[]).flatMap(flat);
  switch (layer) {
    case 'sites':
    case 'substations':
    case 'pylons':
      return seed[layer].map((p) => [p.lon, p.lat]);
    case 'lines':
    case 'regions':
      return seed[layer].flatMap((f) => flat(f.geometry.coordinates));
  }
}

/** The tiles at zoom z that hold positions of the layer, the densest first. */
function tilesOf(positions: Position[], z: number): TileCoord[] {
  const counts = new Map<string, { tile: TileCoord; n: number }>();
  for (const [lon = 0, lat = 0] of positions) {
    const tile = tileOf(lon, lat, z);
    const key = `${tile.x}/${tile.y}`;
    const entry = counts.get(key) ?? { tile, n: 0 };
    entry.n++;
    counts.set(key, entry);
  }
  return [...counts.values()].sort((a, b) => b.n - a.n).map((e) => e.tile);
}

async function open(seed: SeedData): Promise<{ store: Store; cleanup: () => Promise<void> }> {
  const database = await createThrowawayStore(backend, 'tiles');
  const store = await openStore(parseStoreUrl(database.url), { seed: () => seed });
  return { store, cleanup: database.drop };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

const seed = generateSeed({ readings: false, ...(values.sites ? { sites: Number(values.sites) } : {}) });
const { store, cleanup } = await open(seed);
try {
  console.log(
    `backend ${backend}; seed: ${seed.sites.length} sites, ${seed.pylons.length} pylons, ` +
      `${seed.lines.length} lines, ${seed.substations.length} substations, ${seed.regions.length} regions`,
  );
  const rows: Record<string, string | number>[] = [];
  for (const layer of TILE_LAYER_IDS) {
    const positions = positionsOf(seed, layer);
    for (const z of ZOOMS) {
      const all = tilesOf(positions, z);
      const tiles = z >= 12 ? all.slice(0, DENSEST_AT_HIGH_ZOOM) : all;
      const sizes: number[] = [];
      const started = performance.now();
      for (const tile of tiles) sizes.push((await store.tile({ layer, tile, filter: {} }))?.length ?? 0);
      const ms = (performance.now() - started) / Math.max(1, tiles.length);
      const filled = sizes.filter((s) => s > 0).sort((a, b) => a - b);
      rows.push({
        layer,
        z,
        tiles: tiles.length,
        nonEmpty: filled.length,
        max: kb(filled.at(-1) ?? 0),
        median: kb(filled[Math.floor(filled.length / 2)] ?? 0),
        total: kb(filled.reduce((a, b) => a + b, 0)),
        msPerTile: ms.toFixed(1),
      });
    }
  }
  console.table(rows);
} finally {
  await store.close();
  await cleanup();
}
