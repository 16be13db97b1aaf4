/**
 * Latency of each spatial query on each store, on generated data (seeded, so every run has the same data and
 * queries). Figures are medians over repeated requests through the real app (app.inject), and ratios against
 * a baseline in the same process: fetching one site by id, the cheapest indexed read.
 *   npx tsx bench/spatial-queries.ts [--sites 100000] [--runs 30] [--backend sqlite|postgis|both]
 */
import { parseArgs } from 'node:util';
import { generateSeed, mulberry32 } from '@gridwatch/geodata';
import { buildApp } from '../server/src/app';
import { tileOf } from '../server/src/domain/geo/tile-math';
import { loadConfig } from '../server/src/config';
import { openStore } from '../server/src/store/open-store';
import type { Backend } from '../server/src/store/store';
import { createThrowawayStore } from '../server/test/throwaway-database';

const { values } = parseArgs({
  options: {
    sites: { type: 'string', default: '100000' },
    runs: { type: 'string', default: '30' },
    backend: { type: 'string', default: 'both' },
  },
});
const sites = Number(values.sites);
const runs = Number(values.runs);
const BACKENDS: Backend[] = ['sqlite', 'postgis'];
const backends = values.backend === 'both' ? BACKENDS : BACKENDS.filter((b) => b === values.backend);

const seed = generateSeed({ sites, readings: false });
const random = mulberry32(42);
const pick = <T>(items: T[]) => items[Math.floor(random() * items.length)]!;
const substationIds = Array.from({ length: runs }, () => 1 + Math.floor(random() * seed.substations.length));
const lineIds = Array.from({ length: runs }, () => 1 + Math.floor(random() * seed.lines.length));
const points = Array.from({ length: runs }, () => pick(seed.sites));
// Prefectures (the province, id 1, holds every point: it would measure a full scan of the layer).
const regionIds = Array.from({ length: runs }, () => 2 + Math.floor(random() * (seed.regions.length - 1)));
const siteTile = (i: number) => {
  const { z, x, y } = tileOf(points[i]!.lon, points[i]!.lat, 10);
  return `/api/tiles/sites/${z}/${x}/${y}.mvt`;
};
const square = (lon: number, lat: number, d: number) => ({
  type: 'Polygon',
  coordinates: [
    [
      [lon - d, lat - d],
      [lon + d, lat - d],
      [lon + d, lat + d],
      [lon - d, lat + d],
      [lon - d, lat - d],
    ],
  ],
});

type Request = { method: 'GET' | 'POST'; url: string; payload?: object };
const QUERIES: Record<string, (i: number) => Request> = {
  'baseline: GET /api/sites/:id': (i) => ({ method: 'GET', url: `/api/sites/${1 + ((i * 7919) % sites)}` }),
  'unlicensed-load r=10 km': (i) => ({
    method: 'GET',
    url: `/api/substations/${substationIds[i]}/unlicensed-load?radiusKm=10`,
  }),
  'unlicensed-load r=50 km': (i) => ({
    method: 'GET',
    url: `/api/substations/${substationIds[i]}/unlicensed-load?radiusKm=50`,
  }),
  'within 0.2° square': (i) => ({
    method: 'POST',
    url: '/api/query/within',
    payload: { geometry: square(points[i]!.lon, points[i]!.lat, 0.1) },
  }),
  'nearest k=5': (i) => ({
    method: 'GET',
    url: `/api/substations/nearest?lon=${points[i]!.lon}&lat=${points[i]!.lat}&k=5`,
  }),
  'corridor w=2 km': (i) => ({ method: 'GET', url: `/api/lines/${lineIds[i]}/corridor?widthKm=2` }),
  'hotspots r=10 km': () => ({ method: 'GET', url: '/api/analysis/hotspots?radiusKm=10&limit=20' }),
  'hotspots r=10 km, as of 2026-05-01': () => ({
    method: 'GET',
    url: '/api/analysis/hotspots?radiusKm=10&limit=20&asOf=2026-05-01',
  }),
  'unexplained-load r=10 km': () => ({ method: 'GET', url: '/api/analysis/unexplained-load?radiusKm=10' }),
  'load by prefecture (choropleth)': () => ({ method: 'GET', url: '/api/analysis/regions' }),
  'sites in a region, 1,000': (i) => ({
    method: 'GET',
    url: `/api/layers/sites?region=${regionIds[i]}&limit=1000`,
  }),
  'site tile z10': (i) => ({ method: 'GET', url: siteTile(i) }),
  'site tile z10, region filter': (i) => ({ method: 'GET', url: `${siteTile(i)}?region=${regionIds[i]}` }),
  'site tile z10, as of 2026-05-01': (i) => ({ method: 'GET', url: `${siteTile(i)}?asOf=2026-05-01` }),
};

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

for (const backend of backends) {
  const database = await createThrowawayStore(backend, 'bench');
  const loadStart = performance.now();
  // Reads open to all: the benchmark measures the queries, not the session lookup.
  const config = loadConfig({
    DATABASE_URL: database.url,
    GRIDWATCH_SEED: 'none',
    LOG_LEVEL: 'silent',
    GRIDWATCH_PUBLIC_READ: 'true',
  });
  const store = await openStore(config.store, { seed: () => seed });
  const loadMs = performance.now() - loadStart;
  const app = await buildApp({ config, store, serveStatic: false });
  await app.ready();

  const rows: [string, number, number][] = [];
  let baseline = NaN;
  for (const [name, request] of Object.entries(QUERIES)) {
    for (let i = 0; i < 3; i++) await app.inject(request(i)); // warm caches and the pool
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const started = performance.now();
      const res = await app.inject(request(i));
      times.push(performance.now() - started);
      if (res.statusCode !== 200 && res.statusCode !== 204)
        throw new Error(`${name}: ${res.statusCode} ${res.body.slice(0, 200)}`);
    }
    const ms = median(times);
    if (Number.isNaN(baseline)) baseline = ms;
    rows.push([name, ms, ms / baseline]);
  }
  console.log(
    `\n${backend}, ${sites.toLocaleString('en')} sites (seeded in ${(loadMs / 1000).toFixed(1)} s), median of ${runs}`,
  );
  console.log('| query | median ms | × baseline |\n| --- | ---: | ---: |');
  for (const [name, ms, ratio] of rows) console.log(`| ${name} | ${ms.toFixed(2)} | ${ratio.toFixed(1)} |`);
  await app.close();
  await store.close();
  await database.drop();
}
