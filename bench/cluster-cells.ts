/**
 * Fix 8 (docs/performance.md): the sites' tiles at z ≤ 8 drawn from the cluster cells against the same tiles
 * drawn from the sites themselves (TileRequest.liveClusters), on one seeded store, rendered in-process by the
 * store, interleaved (cells, sites, cells, …); each tile's median over the rounds. The tiles: the z8 pan of
 * bench:peers (bench/peers/requests.ts) and every z4–6 tile holding a site.
 *
 *   npx tsx bench/cluster-cells.ts [--sites 100000] [--rounds 5] [--backend postgis|sqlite]
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import pg from 'pg';
import { generateSeed } from '@gridwatch/geodata';
import { loadConfig } from '../server/src/config';
import { openStore } from '../server/src/store/open-store';
import type { TileCoord } from '../server/src/domain/geo/tile-math';
import { createThrowawayDatabase } from '../server/test/throwaway-postgres';
import { median } from './peers/load';
import { allTilesWithSites, panRow } from './peers/requests';

const { values } = parseArgs({
  options: {
    sites: { type: 'string', default: '100000' },
    rounds: { type: 'string', default: '5' },
    backend: { type: 'string', default: 'postgis' },
  },
});
const loadavg = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
const PATHS = ['cells', 'sites'] as const;

/** Forgets that the cells were filled (as before migration 0020 ran), through the database's own client. */
async function forgetCells(url: string): Promise<void> {
  const forget = `DELETE FROM derived_state WHERE name = 'site_cluster_cells'`;
  if (url.startsWith('file:')) {
    const db = new Database(url.slice('file:'.length));
    db.prepare(forget).run();
    db.close();
    return;
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(forget).finally(() => client.end());
}

/** Per tile, the median ms of each path; then the slowest, the median tile, their ratio and the sum. */
function report(label: string, tiles: TileCoord[], times: Map<string, number[]>): void {
  const key = (path: string, t: TileCoord) => `${path} ${t.z}/${t.x}/${t.y}`;
  const round1 = (ms: number) => Math.round(ms * 10) / 10;
  const rows = tiles.map((t) => ({
    tile: `${t.z}/${t.x}/${t.y}`,
    cellsMs: round1(median(times.get(key('cells', t))!)),
    sitesMs: round1(median(times.get(key('sites', t))!)),
  }));
  if (rows.length <= 40) console.table(rows);
  for (const path of PATHS) {
    const ms = rows.map((r) => r[`${path}Ms`]);
    const sum = ms.reduce((s, x) => s + x, 0);
    console.log(
      `${label} from ${path}: ${ms.length} tiles, slowest ${Math.max(...ms)} ms, median ${median(ms).toFixed(1)} ms, ` +
        `spread ${(Math.max(...ms) / median(ms)).toFixed(2)}×, sum ${sum.toFixed(0)} ms`,
    );
  }
}

async function main() {
  const sites = Number(values.sites);
  const backend = values.backend === 'sqlite' ? 'sqlite' : 'postgis';
  const seed = generateSeed({ sites, readings: false });
  const dir = backend === 'sqlite' ? mkdtempSync(path.join(tmpdir(), 'cells-bench-')) : null;
  const database = dir ? null : await createThrowawayDatabase();
  const url = dir ? `file:${path.join(dir, 'bench.db')}` : database!.url;
  try {
    const started = performance.now();
    const store = await openStore(
      loadConfig({ DATABASE_URL: url, GRIDWATCH_SEED: 'none', LOG_LEVEL: 'silent' }).store,
      { seed: () => seed },
    );
    console.log(
      `${backend}, ${sites} sites: seeded and the cells filled in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    const pan = panRow(seed.sites, 8);
    const low = [4, 5, 6].flatMap((z) => allTilesWithSites(seed.sites, z));
    const times = new Map<string, number[]>();
    const load = loadavg();
    for (let round = 0; round < Number(values.rounds); round++) {
      for (const tile of [...pan, ...low]) {
        for (const path of round % 2 === 0 ? PATHS : [...PATHS].reverse()) {
          const begun = performance.now();
          await store.tile({ layer: 'sites', tile, filter: {}, liveClusters: path === 'sites' });
          const key = `${path} ${tile.z}/${tile.x}/${tile.y}`;
          times.set(key, [...(times.get(key) ?? []), performance.now() - begun]);
        }
      }
    }
    report('z8 pan', pan, times);
    report('z4–6', low, times);
    console.log(`load average before the rounds: ${load}; after: ${loadavg()}`);
    // The fill alone, as a start after migration 0020 runs it on a database with these sites.
    await forgetCells(url);
    const fill = performance.now();
    await (store as unknown as { fillDerivedData(): Promise<void> }).fillDerivedData();
    console.log(
      `the cells filled anew in ${((performance.now() - fill) / 1000).toFixed(1)} s (load ${loadavg()})`,
    );
    await store.close();
  } finally {
    await database?.drop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}

await main();
