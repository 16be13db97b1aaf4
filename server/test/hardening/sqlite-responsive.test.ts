/**
 * Issue 10, item 4: on SQLite a viewer could freeze everyone. better-sqlite3 is synchronous, so a long query ran
 * on the event loop and every other request waited for it. Measured from outside, /api/health was held 9 s by 4
 * concurrent progress series, 14 s by 10 whole-region layer reads, 25 s by 10 full exports and 30 s by a
 * 200,000-row import. Reads now run in reader threads on read-only connections of their own, and an import's
 * transaction in a writer thread (docs/storage.md, "How SQLite queries run").
 *
 * The same four scenarios, one after the other and scaled to a test, against a real server on a socket: while
 * the requests of a scenario run at once, a sampler asks for /api/health every 10 ms. Sampler and clients run
 * in threads of their own, as they would on other machines, so neither holds the server's event loop and the
 * sampler measures it from outside. Over all the scenarios the p99 of health must stay under the issue's
 * 200 ms, and under 40 times the idle p99 measured the same way just before (the house rule: a ratio, not only
 * an absolute time); each scenario's own figures are printed. PostGIS gets the same load, as the reference the
 * issue names. Before the change SQLite gave p99 ≈ 2.8 s here (health answered 10–15 times in 5–6 s).
 *
 * What is left on the event loop is the same on both stores (turning rows into JSON, writing it to the socket,
 * reading the CSV): that is why the exports are 2, not 10. On a 2-core machine, 10 exports of every site keep
 * the loop busy on PostGIS too.
 */
import { Worker } from 'node:worker_threads';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSeed, mulberry32 } from '@gridwatch/geodata';
import { buildApp } from '../../src/app';
import { loadConfig } from '../../src/config';
import { BACKENDS, makeTestApp, testPassword, type TestApp } from '../test-app';

const SITES = 5_000;
const IMPORT_ROWS = 20_000;
/** The bound on /api/health under load. */
const MAX_LOADED_P99_MS = 200;
/**
 * The bound as a ratio to the idle p99 of the same run: idle answers take 1–10 ms on loopback, more on a busy
 * machine; the floor keeps a very quiet idle run from making the ratio meaningless (200 ms is 40 × 5 ms).
 */
const IDLE_FLOOR_MS = 5;
const MAX_RATIO = 40;
/** The sampler's pause between answers. */
const GAP_MS = 10;

/** Asks `url` every `gapMs` until told to stop; posts back each answer's latency in ms. Runs in a thread. */
const SAMPLER = `
const { parentPort, workerData } = require('node:worker_threads');
let running = true;
parentPort.once('message', () => { running = false; });
(async () => {
  const latencies = [];
  while (running) {
    const started = performance.now();
    const res = await fetch(workerData.url);
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error('health answered ' + res.status);
    latencies.push(performance.now() - started);
    await new Promise((resolve) => setTimeout(resolve, workerData.gapMs));
  }
  parentPort.postMessage(latencies);
})();
`;

/** Sends all the requests at once, reads each answer to nothing; posts back the failures. Runs in a thread. */
const CLIENTS = `
const { parentPort, workerData } = require('node:worker_threads');
const { base, requests } = workerData;
const failures = [];
Promise.all(requests.map(async ({ url, init }) => {
  const res = await fetch(base + url, init);
  const reader = res.body.getReader();
  while (!(await reader.read()).done) {}
  if (res.status !== 200) failures.push(res.status + ' ' + url);
})).then(() => parentPort.postMessage(failures));
`;

interface Request {
  url: string;
  init?: { method: string; headers: Record<string, string>; body: string };
}

function inThread<T>(code: string, workerData: unknown): { worker: Worker; result: Promise<T> } {
  const worker = new Worker(code, { eval: true, workerData });
  const result = new Promise<T>((resolve, reject) => {
    worker.once('message', (message: T) => {
      resolve(message);
      void worker.terminate();
    });
    worker.once('error', reject);
  });
  return { worker, result };
}

/** Health latencies (ms) sampled while `work` runs. */
async function sampled(health: string, work: () => Promise<unknown>): Promise<number[]> {
  const { worker, result } = inThread<number[]>(SAMPLER, { url: health, gapMs: GAP_MS });
  await work();
  worker.postMessage('stop');
  return result;
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};
const round = (ms: number) => Math.round(ms);

/** A CSV of new sites near the seed's, for the import. */
function importCsv(seed: ReturnType<typeof generateSeed>, rows: number): string {
  const random = mulberry32(11);
  const lines = ['externalId,name,operator,machines,loadMw,status,firstObserved,lon,lat'];
  for (let i = 0; i < rows; i++) {
    const near = seed.sites[Math.floor(random() * seed.sites.length)]!;
    const lon = (near.lon + (random() - 0.5) * 0.02).toFixed(5);
    const lat = (near.lat + (random() - 0.5) * 0.02).toFixed(5);
    const loadMw = ((i % 50) / 10 + 0.1).toFixed(1);
    lines.push(
      `R-${i},Farm ${i},Operator ${i % 97},${1 + (i % 40)},${loadMw},SUSPECTED,2026-03-01,${lon},${lat}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

const series = (stepDays: number, start = '2026-01-01') =>
  `/api/reports/progress/series?deadline=2026-08-31&start=${start}&asOf=2026-08-31&stepDays=${stepDays}`;

describe.each(BACKENDS)('/api/health while the store works hard (%s)', (backend) => {
  let t: TestApp;
  let app: FastifyInstance;
  let base: string;
  const seed = generateSeed({ sites: SITES, readings: false });
  beforeAll(async () => {
    t = await makeTestApp(seed, backend);
    // As deployed: the test app also checks every answer against its schema, which a server does not do.
    const config = loadConfig({
      DATABASE_URL: t.databaseUrl,
      GRIDWATCH_SEED: 'none',
      LOG_LEVEL: 'silent',
      GRIDWATCH_PUBLIC_READ: 'true',
    });
    app = await buildApp({ config, store: t.store, serveStatic: false });
    base = await app.listen({ port: 0, host: '127.0.0.1' });
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await t?.close();
  });

  it(
    'answers within 200 ms (p99) during progress series, layer reads, exports and an import',
    {
      timeout: 120_000,
    },
    async () => {
      const health = `${base}/api/health`;
      const login = await fetch(`${base}/api/auth/login`, {
        method: 'POST',
        headers: { origin: base, 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'admin', password: testPassword('admin') }),
      });
      const cookie = login.headers.getSetCookie()[0]!.split(';')[0]!;
      const importing = (body: string, query = '') => ({
        url: `/api/import/sites${query}`,
        init: { method: 'POST', headers: { cookie, origin: base, 'content-type': 'text/csv' }, body },
      });
      // Warm up: each route compiles its schemas, and Prisma its queries, on first use.
      const warmUp: Request[] = [
        { url: series(31, '2026-08-01') },
        { url: '/api/layers/sites?region=2&limit=1' },
        { url: '/api/export/sites.csv?bbox=0,0,1,1' },
        { url: '/api/export/sites.geojson?bbox=0,0,1,1' },
        importing(importCsv(seed, 10), '?dryRun=true'),
      ];
      for (const { url, init } of warmUp) expect((await fetch(base + url, init)).status, url).toBe(200);
      const idle = await sampled(health, () => new Promise((resolve) => setTimeout(resolve, 2000)));
      const idleP99 = percentile(idle, 99);

      // The prefectures: regions 2–15 (region 1 is the province).
      const prefectures = Array.from({ length: 14 }, (_, i) => i + 2);
      const scenarios: Record<string, Request[]> = {
        '4 progress series': [28, 29, 30, 31].map((step) => ({ url: series(step) })),
        '10 whole-region layer reads': prefectures
          .slice(0, 10)
          .map((region) => ({ url: `/api/layers/sites?region=${region}&limit=50000` })),
        '2 full exports': ['geojson', 'csv'].map((format) => ({ url: `/api/export/sites.${format}` })),
        [`an import of ${IMPORT_ROWS} sites`]: [importing(importCsv(seed, IMPORT_ROWS))],
      };
      const report = [
        `[${backend}] /api/health idle: p50 ${round(percentile(idle, 50))} ms, p99 ${round(idleP99)} ms`,
      ];
      const all: number[] = [];
      for (const [scenario, requests] of Object.entries(scenarios)) {
        const started = performance.now();
        let failures: string[] = [];
        const loaded = await sampled(health, async () => {
          failures = await inThread<string[]>(CLIENTS, { base, requests }).result;
        });
        expect(failures, scenario).toEqual([]);
        all.push(...loaded);
        report.push(
          `  during ${scenario} (${round((performance.now() - started) / 100) / 10} s): ` +
            `p50 ${round(percentile(loaded, 50))} ms, p99 ${round(percentile(loaded, 99))} ms, ` +
            `max ${round(Math.max(...loaded))} ms (${loaded.length} samples)`,
        );
      }
      const p99 = percentile(all, 99);
      const ratio = p99 / Math.max(idleP99, IDLE_FLOOR_MS);
      report.push(
        `  under load: p50 ${round(percentile(all, 50))} ms, p99 ${round(p99)} ms (${all.length} samples); ` +
          `p99 / idle p99 ${Math.round(ratio * 10) / 10} (bound ${MAX_RATIO})`,
      );
      console.log(report.join('\n'));
      expect(p99).toBeLessThan(MAX_LOADED_P99_MS);
      expect(ratio).toBeLessThan(MAX_RATIO);
    },
  );
});
