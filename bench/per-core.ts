/**
 * What one core of each engine does per request (issue 17, docs/scaling.md "Capacity"): CPU time of the app
 * process (process.cpuUsage) and of the PostgreSQL cluster serving it (its postmaster's and backends' /proc utime +
 * stime: a private cluster of this run, serving nothing else), per request kind, through the real app
 * (app.inject), sequentially. Backends that exit between two readings are not counted (the pool keeps them).
 * CPU time, unlike wall time, does not depend on what else the machine runs.
 * Writes its table to bench/results/per-core-<date>-<sites>.json with the machine and the commit.
 *   npx tsx bench/per-core.ts [--sites 100000] [--runs 200]
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ROLES } from '@gridwatch/contract';
import { generateSeed, mulberry32 } from '@gridwatch/geodata';
import { PostgresServer } from '../deploy/topology/postgres';
import { buildApp } from '../server/src/app';
import { hashPassword } from '../server/src/auth/password';
import { loadConfig } from '../server/src/config';
import { tileOf } from '../server/src/domain/geo/tile-math';
import { openStore } from '../server/src/store/open-store';
import { childrenOf, cpuMs } from './process-cpu';
import { freePort } from '../server/test/free-port';

const { values } = parseArgs({
  options: { sites: { type: 'string', default: '100000' }, runs: { type: 'string', default: '200' } },
});
const RUNS = Number(values.runs);
const seed = generateSeed({ sites: Number(values.sites), readings: false });
const random = mulberry32(17);
const point = () => seed.sites[Math.floor(random() * seed.sites.length)]!;
/** CPU ms of the cluster's postmaster and its children (the backends serving the app). */
function clusterCpuMs(dir: string): number {
  const postmaster = readFileSync(path.join(dir, 'db/postmaster.pid'), 'utf8').split('\n')[0]!.trim();
  return cpuMs([postmaster, ...childrenOf(postmaster)]);
}

const folder = mkdtempSync(path.join(tmpdir(), 'gridwatch-bench-'));
const server = PostgresServer.primary(await freePort(), path.join(folder, 'db'));
try {
  const config = loadConfig({ DATABASE_URL: server.url, GRIDWATCH_SEED: 'none', LOG_LEVEL: 'silent' });
  const seeding = performance.now();
  const store = await openStore(config.store, { seed: () => seed });
  const seedSeconds = (performance.now() - seeding) / 1000;
  console.log(`seeded ${seed.sites.length} sites in ${seedSeconds.toFixed(0)} s`);
  await store.users.create(
    { username: 'enforcer', role: 'enforcer', passwordHash: await hashPassword('enforcer-bench-pw-17') },
    'bench',
  );
  void ROLES;
  const app = await buildApp({ config, store, serveStatic: false });
  await app.ready();
  // The same app without the tile cache (services/tile-cache.ts), so that "drawn" is drawn every time.
  const cold = await buildApp({
    config: { ...config, tileCacheBytes: 0 },
    store,
    serveStatic: false,
  });
  await cold.ready();
  const login = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    headers: { origin: 'http://localhost:80' },
    payload: { username: 'enforcer', password: 'enforcer-bench-pw-17' },
  });
  const cookie = login.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  const tile = () => {
    const p = point();
    const z = 8 + Math.floor(random() * 7);
    const { x, y } = tileOf(p.lon, p.lat, z);
    return `/api/tiles/sites/${z}/${x}/${y}.mvt`;
  };
  // Low zooms cluster the whole region's sites: their cost follows the table, not the view.
  const lowZoomTiles = Array.from({ length: RUNS }, () => {
    const p = point();
    const z = 4 + Math.floor(random() * 3);
    const { x, y } = tileOf(p.lon, p.lat, z);
    return `/api/tiles/sites/${z}/${x}/${y}.mvt`;
  });
  const etags = new Map<string, string>();
  const fixedTiles = Array.from({ length: RUNS }, tile);
  for (const url of fixedTiles)
    etags.set(url, (await app.inject({ url, headers: { cookie } })).headers.etag as string);
  const versions = new Map<number, number>();
  const kinds: [string, (i: number) => Promise<unknown>][] = [
    ['tile, drawn (cache miss)', (i) => cold.inject({ url: fixedTiles[i]!, headers: { cookie } })],
    // Another user of the same scope asks for a tile already drawn: the tile cache answers after the version read.
    ['tile, from the tile cache', (i) => app.inject({ url: fixedTiles[i]!, headers: { cookie } })],
    [
      'tile, 304 revalidation',
      (i) =>
        app.inject({ url: fixedTiles[i]!, headers: { cookie, 'if-none-match': etags.get(fixedTiles[i]!)! } }),
    ],
    [
      'layer read (0.1° box)',
      () => {
        const p = point();
        return app.inject({
          url: `/api/layers/sites?bbox=${p.lon - 0.05},${p.lat - 0.05},${p.lon + 0.05},${p.lat + 0.05}`,
          headers: { cookie },
        });
      },
    ],
    [
      'status change',
      async (i) => {
        const id = 1 + (i % 500);
        let version = versions.get(id);
        if (version === undefined) {
          version = (
            (await app.inject({ url: `/api/sites/${id}`, headers: { cookie } })).json() as {
              properties: { version: number };
            }
          ).properties.version;
        }
        const current = seed.sites[id - 1]!.status;
        const res = await app.inject({
          method: 'PATCH',
          url: `/api/sites/${id}`,
          headers: { cookie, origin: 'http://localhost:80' },
          payload: { status: current === 'SUSPECTED' ? 'UNLICENSED' : 'SUSPECTED', note: 'bench', version },
        });
        versions.set(id, version + (res.statusCode === 200 ? 1 : 0));
      },
    ],
    ['tile z4–6, drawn (clusters)', (i) => cold.inject({ url: lowZoomTiles[i]!, headers: { cookie } })],
    ['analysis: hotspots', () => app.inject({ url: '/api/analysis/hotspots', headers: { cookie } })],
    [
      'analysis: unexplained load',
      () => app.inject({ url: '/api/analysis/unexplained-load', headers: { cookie } }),
    ],
  ];
  const rows: { kind: string; requests: number; nodeMs: number; postgresMs: number }[] = [];
  console.log(`per-core cost on PostGIS, ${seed.sites.length} sites, ${RUNS} requests each (sequential)`);
  console.log(
    'kind                          node ms/req  postgres ms/req   → req/s per node core  per pg core',
  );
  for (const [name, request] of kinds) {
    const runs = name.startsWith('analysis') ? Math.max(10, RUNS / 10) : RUNS;
    const node0 = process.cpuUsage();
    const pg0 = clusterCpuMs(folder);
    for (let i = 0; i < runs; i++) await request(i);
    const node = process.cpuUsage(node0);
    const nodeMs = (node.user + node.system) / 1000 / runs;
    const pgMs = (clusterCpuMs(folder) - pg0) / runs;
    rows.push({ kind: name, requests: runs, nodeMs, postgresMs: pgMs });
    console.log(
      `${name.padEnd(30)}${nodeMs.toFixed(2).padStart(10)}${pgMs.toFixed(2).padStart(16)}${(1000 / nodeMs).toFixed(0).padStart(22)}${(pgMs > 0 ? 1000 / pgMs : Infinity).toFixed(0).padStart(13)}`,
    );
  }
  await app.close();
  await cold.close();
  await store.close();
  const day = new Date().toISOString().slice(0, 10);
  const file = path.join('bench/results', `per-core-${day}-${seed.sites.length}.json`);
  mkdirSync('bench/results', { recursive: true });
  const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
  const machine = {
    cpu: cpus()[0]?.model,
    cores: cpus().length,
    memoryGb: totalmem() / 2 ** 30,
    loadavg: loadavg(),
  };
  writeFileSync(
    file,
    JSON.stringify({ sites: seed.sites.length, runs: RUNS, seedSeconds, commit, machine, rows }, null, 2) +
      '\n',
  );
  console.log(`wrote ${file}`);
} finally {
  server.stop();
  rmSync(folder, { recursive: true, force: true });
}
