/**
 * Issue 16's peers bench: our app against MapServer 8, hand-written PostGIS SQL and Turf, on the same
 * generated sites in the same PostGIS database. Not part of `npm test` or .ci/run. docs/performance.md says
 * what each scenario compares and why it is fair.
 *   npm run bench:peers -- [--sites 1000000] [--rounds 3] [--seconds 5] [--connections 8] [--import 100000]
 *                          [--only 1,2,3,4,5,6,7] [--install] [--keep-seeded]
 * --keep-seeded keeps one seeded database (and SQLite file) per size and starts each run from a copy, migrated
 * to the code's migrations (seeded-copy.ts): the second run at 1M sites skips the ~15 minutes of seeding.
 */
import { createReadStream, rmSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import { createInterface } from 'node:readline';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Polygon } from 'geojson';
import { generateSeed, mulberry32 } from '@gridwatch/geodata';
import { buildApp } from '../../server/src/app';
import { loadConfig } from '../../server/src/config';
import { openStore } from '../../server/src/store/open-store';
import { createThrowawayStore, type ThrowawayStore } from '../../server/test/throwaway-database';
import {
  compareFeatureCollections,
  compareIdSets,
  compareTiles,
  tilePoints,
  type Comparison,
} from './compare';
import { interleaved, median, timeEach } from './load';
import { startMapServer } from './mapserver';
import { cleanupAll, onCleanup, processTree, rssOf, runCommand, startBenchApp } from './processes';
import { RawSql } from './raw-sql';
import { postgisCopy, seededKey, sqliteCopy } from './seeded-copy';
import { machine, printTable, writeResult, type Row } from './report';
import { allTilesWithSites, boxesHolding, octagon, panRow, sitesCsv, tilesOfSites } from './requests';
import { ensureTools, postgresMallocOf, toolVersions } from './tools';
import { turfWithin, type PointRow } from './turf';
import type { WithinTimes } from './scenario-within';
import type { UnlicensedTimes } from './scenario-unlicensed';

const { values } = parseArgs({
  options: {
    sites: { type: 'string', default: '1000000' },
    rounds: { type: 'string', default: '3' },
    seconds: { type: 'string', default: '5' },
    connections: { type: 'string', default: '8' },
    import: { type: 'string', default: '100000' },
    only: { type: 'string', default: '1,2,3,4,5,6,7' },
    install: { type: 'boolean', default: false },
    'keep-seeded': { type: 'boolean', default: false },
    // GRIDWATCH_WORKERS of our app: MapServer gets a FastCGI worker per core, and so does ours by default.
    workers: { type: 'string', default: 'auto' },
  },
});
const sites = Number(values.sites);
const settings = {
  sites,
  rounds: Number(values.rounds),
  seconds: Number(values.seconds),
  connections: Number(values.connections),
  importRows: Math.min(Number(values.import), sites),
  mapserverProcesses: os.cpus().length,
  only: values.only.split(',').map(Number),
  keepSeeded: values['keep-seeded'],
};
const run = (n: number) => settings.only.includes(n);
const ROOT = path.resolve(import.meta.dirname, '../..');
const ADMIN_PASSWORD = `peers-bench-${Math.random().toString(36).slice(2)}-Aa1!`;

const rows: Row[] = [];
const notes: Record<string, unknown> = {};
const log = (text: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${text}`);
const allEqual = (cs: Comparison[]) => cs.every((c) => c.equal);
const firstDifferences = (cs: Comparison[]) => cs.filter((c) => !c.equal).slice(0, 3);

/** Median time of `fn` over `repeat` calls (after one warm-up call). */
async function timed<T>(fn: () => Promise<T>, repeat: number): Promise<{ ms: number; value: T }> {
  let value = await fn();
  const times: number[] = [];
  for (let i = 0; i < repeat; i++) {
    const started = performance.now();
    value = await fn();
    times.push(performance.now() - started);
  }
  return { ms: median(times), value };
}

/** Ours with a worker per core by default, as MapServer gets a FastCGI worker per core. */
const startApp = (databaseUrl: string) =>
  startBenchApp(ROOT, databaseUrl, {
    GRIDWATCH_ADMIN_PASSWORD: ADMIN_PASSWORD,
    GRIDWATCH_WORKERS: values.workers,
  });

async function main() {
  ensureTools(values.install);
  log(`generating ${sites.toLocaleString('en')} sites`);
  const seed = generateSeed({ sites, readings: false });

  let started = performance.now();
  const appConfig = (url: string) =>
    loadConfig({
      DATABASE_URL: url,
      GRIDWATCH_SEED: 'none',
      LOG_LEVEL: 'silent',
      GRIDWATCH_PUBLIC_READ: 'true',
    });
  const key = seededKey(ROOT, sites);
  const seedInto = async (url: string) =>
    (await openStore(appConfig(url).store, { seed: () => seed })).close();
  const pgDb: ThrowawayStore = values['keep-seeded']
    ? await postgisCopy(key, seedInto, log)
    : await createThrowawayStore('postgis', 'peers');
  onCleanup(pgDb.drop);
  const pgConfig = appConfig(pgDb.url);
  const pgStore = await openStore(pgConfig.store, { seed: () => seed });
  onCleanup(() => pgStore.close());
  notes.postgisSeedSeconds = (performance.now() - started) / 1000;
  log(`PostGIS ready in ${notes.postgisSeedSeconds} s`);
  const raw = await RawSql.connect(pgDb.url);
  onCleanup(() => raw.close());
  await raw.query('VACUUM ANALYZE');
  // What the copy, its migrations' fills and the vacuum wrote is on disk before anything is timed: a checkpoint
  // running through the first scenarios slowed them (docs/performance.md, "Fix 26").
  await raw.query('CHECKPOINT');
  const pgApp = await buildApp({ config: pgConfig, store: pgStore, serveStatic: false });
  onCleanup(() => pgApp.close());

  const versions = {
    ...toolVersions(),
    postgres: (await raw.query('SHOW server_version')).rows[0].server_version as string,
    postgis: (await raw.query('SELECT postgis_lib_version() AS v')).rows[0].v as string,
    postgresMalloc: postgresMallocOf(
      (await raw.query('SHOW data_directory')).rows[0].data_directory as string,
    ),
  };
  if (versions.postgresMalloc === 'none')
    log(
      'PostgreSQL runs with glibc malloc as it comes: deploy/topology/postgres-malloc.ts says what to set (docs/performance.md, Fix 17)',
    );
  const live: PointRow[] = (
    await raw.query(
      `SELECT external_id AS "externalId", lon, lat FROM sites WHERE retired_at IS NULL ORDER BY id`,
    )
  ).rows;
  log(`${live.length} live sites`);

  const ours = await startApp(pgDb.url);
  const ms = await startMapServer(pgDb.url, settings.mapserverProcesses);
  log(`app on ${ours.baseUrl}, MapServer on ${ms.baseUrl}`);
  const wrkOpts = { rounds: settings.rounds, seconds: settings.seconds, connections: settings.connections };
  const tilePath = (t: { z: number; x: number; y: number }) => `/api/tiles/sites/${t.z}/${t.x}/${t.y}.mvt`;
  const fetchBytes = async (url: string) => {
    const res = await fetch(url);
    const body = new Uint8Array(await res.arrayBuffer());
    return res.status === 200 ? body : null;
  };

  // 1. bbox GeoJSON of ~5,000 sites.
  if (run(1)) {
    const boxes = boxesHolding(live, 5000, 8);
    log(`1. bbox GeoJSON: ${boxes.length} boxes of ~5,000 sites`);
    const oursPaths = boxes.map((b) => `/api/layers/sites?bbox=${b.join(',')}`);
    const msPaths = boxes.map((b) => ms.wfsPath(b));
    const comparisons: Comparison[] = [];
    for (let i = 0; i < boxes.length; i++) {
      const a = (await (await fetch(ours.baseUrl + oursPaths[i])).json()) as { features: never[] };
      const b = (await (await fetch(ms.baseUrl + msPaths[i])).json()) as { features: never[] };
      comparisons.push(compareFeatureCollections(a.features, b.features));
    }
    const r = await interleaved(
      [
        { name: 'ours', baseUrl: ours.baseUrl, paths: oursPaths },
        { name: 'mapserver', baseUrl: ms.baseUrl, paths: msPaths },
      ],
      wrkOpts,
    );
    const size = `${boxes.length} boxes, ${Math.round(median(comparisons.map((c) => c.ours)))} sites each`;
    const equal = allEqual(comparisons);
    rows.push(
      {
        scenario: '1. bbox GeoJSON p50 (1 conn)',
        size,
        ours: r.ours!.p50Ms,
        baseline: r.mapserver!.p50Ms,
        unit: 'ms',
        baselineName: 'MapServer WFS',
        ratio: r.ours!.p50Ms / r.mapserver!.p50Ms,
        target: '≤ 0.75×',
        pass: r.ours!.p50Ms <= 0.75 * r.mapserver!.p50Ms,
        answersEqual: equal,
      },
      {
        scenario: `1. bbox GeoJSON throughput (${settings.connections} conn)`,
        size,
        ours: r.ours!.rps,
        baseline: r.mapserver!.rps,
        unit: 'req/s',
        baselineName: 'MapServer WFS',
        ratio: r.ours!.rps / r.mapserver!.rps,
        target: '≥ 1.2×',
        pass: r.ours!.rps >= 1.2 * r.mapserver!.rps,
        answersEqual: equal,
      },
    );
    notes.bbox = { boxes, wrk: r, differences: firstDifferences(comparisons) };
  }

  // 2. Tiles.
  if (run(2)) {
    const compareTileSet = async (tiles: { z: number; x: number; y: number }[]) => {
      const cs: Comparison[] = [];
      for (const t of tiles) {
        const a = tilePoints(await fetchBytes(ours.baseUrl + tilePath(t)));
        const b = tilePoints(await fetchBytes(ms.baseUrl + ms.tilePath(t.z, t.x, t.y)));
        cs.push(compareTiles(a, b));
      }
      return cs;
    };
    const tileSides = (tiles: { z: number; x: number; y: number }[]) => [
      { name: 'ours', baseUrl: ours.baseUrl, paths: tiles.map(tilePath) },
      { name: 'mapserver', baseUrl: ms.baseUrl, paths: tiles.map((t) => ms.tilePath(t.z, t.x, t.y)) },
    ];
    const z12 = tilesOfSites(live, 12, 50);
    const z8 = tilesOfSites(live, 8, 30);
    log(`2. tiles: ${z12.length} z12 tiles, ${z8.length} z8 tiles`);
    const c12 = await compareTileSet(z12);
    const c8 = await compareTileSet(z8);
    const r12 = await interleaved(tileSides(z12), wrkOpts);
    const r8 = await interleaved(tileSides(z8), wrkOpts);
    // wrk reports a p50 of 0 when MapServer finished no request in the run (at 1M sites, z8): its p50 is then
    // longer than the run, which is the bound the row compares with (it printed "Infinity×" before).
    const msZ8None = !(r8.mapserver!.p50Ms > 0);
    const msZ8P50 = msZ8None ? settings.seconds * 1000 : r8.mapserver!.p50Ms;
    rows.push(
      {
        scenario: `2. z12 tile throughput (${settings.connections} conn)`,
        size: `${z12.length} tiles`,
        ours: r12.ours!.rps,
        baseline: r12.mapserver!.rps,
        unit: 'req/s',
        baselineName: 'MapServer MVT',
        ratio: r12.ours!.rps / r12.mapserver!.rps,
        target: '≥ 3×',
        pass: r12.ours!.rps >= 3 * r12.mapserver!.rps,
        answersEqual: allEqual(c12),
      },
      {
        scenario: '2. z8 tile p50 (1 conn)',
        size: `${z8.length} tiles`,
        ours: r8.ours!.p50Ms,
        baseline: msZ8P50,
        unit: 'ms',
        baselineName: msZ8None
          ? `MapServer MVT: none finished within the ${settings.seconds} s run (a lower bound)`
          : 'MapServer MVT',
        ratio: r8.ours!.p50Ms / msZ8P50,
        target: '≤ 1×',
        pass: r8.ours!.p50Ms <= msZ8P50,
        answersEqual: allEqual(c8),
      },
    );
    // z ≤ 6: every tile holding a site, ours through HTTP (one connection) vs a raw ST_AsMVT of all its points.
    const low = [4, 5, 6].flatMap((z) => allTilesWithSites(live, z));
    const oursLow = await timeEach(ours.baseUrl, low.map(tilePath), 3);
    const rawLow: number[] = [];
    const lowCs: Comparison[] = [];
    for (const t of low) {
      const { ms: rawMs, value } = await timed(() => raw.allPointsTile(t.z, t.x, t.y), 3);
      rawLow.push(rawMs);
      // The same sites inside the tile: our clusters' counts against the raw tile's points.
      lowCs.push(compareTiles(tilePoints(await fetchBytes(ours.baseUrl + tilePath(t))), tilePoints(value)));
    }
    const maxKb = Math.max(...oursLow.map((x) => x.bytes)) / 1024;
    let rawMaxKb = 0;
    for (const t of low)
      rawMaxKb = Math.max(rawMaxKb, (await raw.allPointsTile(t.z, t.x, t.y)).length / 1024);
    const oursLowP50 = median(oursLow.map((x) => x.ms));
    const rawLowP50 = median(rawLow);
    rows.push(
      {
        scenario: '2. z≤6 largest tile',
        size: `${low.length} tiles z4–6`,
        ours: maxKb,
        baseline: rawMaxKb,
        unit: 'KB',
        baselineName: 'raw ST_AsMVT all points',
        ratio: maxKb / rawMaxKb,
        target: '≤ 500 KB',
        pass: maxKb <= 500,
        answersEqual: allEqual(lowCs),
      },
      {
        scenario: '2. z≤6 tile p50',
        size: `${low.length} tiles z4–6`,
        ours: oursLowP50,
        baseline: rawLowP50,
        unit: 'ms',
        baselineName: 'raw ST_AsMVT all points (in-process)',
        ratio: oursLowP50 / rawLowP50,
        target: '≤ 0.25×',
        pass: oursLowP50 <= 0.25 * rawLowP50,
        answersEqual: allEqual(lowCs),
        note: 'ours through HTTP on one connection; raw timed in-process with pg',
      },
    );
    // A pan across the region at z8: no tile slower than 3× the median (ours); MapServer's for reference.
    const pan = panRow(live, 8);
    const panOurs = await timeEach(ours.baseUrl, pan.map(tilePath), 3);
    const panMs = await timeEach(
      ms.baseUrl,
      pan.map((t) => ms.tilePath(t.z, t.x, t.y)),
      3,
    );
    const spread = (xs: { ms: number }[]) => Math.max(...xs.map((x) => x.ms)) / median(xs.map((x) => x.ms));
    rows.push({
      scenario: '2. z8 pan: slowest / median tile',
      size: `${pan.length} tiles`,
      ours: spread(panOurs),
      baseline: spread(panMs),
      unit: '× median',
      baselineName: 'MapServer, same pan',
      ratio: spread(panOurs) / spread(panMs),
      target: 'ours ≤ 3 (× median)',
      pass: spread(panOurs) <= 3,
      answersEqual: null,
      note: 'ours and baseline: the slowest tile of the pan over its median tile',
    });
    notes.tiles = {
      z12: r12,
      z8: r8,
      differences: { z12: firstDifferences(c12), z8: firstDifferences(c8), low: firstDifferences(lowCs) },
      low: oursLow.map((x, i) => ({ ...x, rawMs: rawLow[i] })),
      pan: { ours: panOurs, mapserver: panMs },
    };
  }

  const random = mulberry32(3);
  const substationIds = Array.from({ length: 10 }, () => 1 + Math.floor(random() * seed.substations.length));
  const repeat = 5;
  /** A scenario timed in a process of its own (scenario-process.ts): the JSON it printed last. */
  const inOwnProcess = async (
    scenario: 'analysis' | 'within' | 'unlicensed',
    what: string,
  ): Promise<string> => {
    const script = path.join(ROOT, 'bench/peers/scenario-process.ts');
    const args = ['--import', 'tsx', script, scenario, pgDb.url, what, String(repeat)];
    return (await runCommand(process.execPath, args, 30 * 60_000)).trim().split('\n').at(-1)!;
  };

  // 3. Unlicensed load within 50 km: PostGIS store vs raw ST_DWithin; SQLite store vs PostGIS store.
  if (run(3)) {
    log('3. unlicensed load within 50 km (PostGIS, SQLite, raw SQL)');
    const sqliteDb = values['keep-seeded']
      ? await sqliteCopy(ROOT, key, seedInto, log)
      : await createThrowawayStore('sqlite', 'peers');
    onCleanup(sqliteDb.drop);
    const sqliteConfig = appConfig(sqliteDb.url);
    started = performance.now();
    const sqliteStore = await openStore(sqliteConfig.store, { seed: () => seed });
    notes.sqliteSeedSeconds = (performance.now() - started) / 1000;
    // Seeded here; read in a process of its own with the PostGIS app and the raw client (scenario-unlicensed.ts).
    await sqliteStore.close();
    const timed = JSON.parse(
      await inOwnProcess('unlicensed', JSON.stringify({ sqlite: sqliteDb.url, ids: substationIds })),
    ) as UnlicensedTimes;
    const { postgisMs: oursMs, rawMs, sqliteMs } = timed;
    const cs: Comparison[] = timed.answers.flatMap((a) => [
      compareIdSets(a.postgis, a.raw),
      compareIdSets(a.postgis, a.sqlite),
    ]);
    const [o, r, s] = [median(oursMs), median(rawMs), median(sqliteMs)];
    const size = `${substationIds.length} substations × ${repeat}`;
    rows.push(
      {
        scenario: '3. unlicensed load r=50 km, PostGIS store',
        size,
        ours: o,
        baseline: r,
        unit: 'ms',
        baselineName: 'raw ST_DWithin',
        ratio: o / r,
        target: '≤ 1.2×',
        pass: o <= 1.2 * r,
        answersEqual: allEqual(cs.filter((_, i) => i % 2 === 0)),
        note: 'ours in-process (app.inject, the bytes read: route, validation, JSON) in a process of its own, raw there with pg',
      },
      {
        scenario: '3. unlicensed load r=50 km, SQLite store',
        size,
        ours: s,
        baseline: o,
        unit: 'ms',
        baselineName: 'our PostGIS store',
        ratio: s / o,
        target: '≤ 2×',
        pass: s <= 2 * o,
        answersEqual: allEqual(cs.filter((_, i) => i % 2 === 1)),
      },
    );
    notes.unlicensed = { substationIds, differences: firstDifferences(cs) };
  }

  // 4. Sites within a ~100 km polygon: ours vs raw ST_Covers vs Turf over every point.
  if (run(4)) {
    log('4. sites within a ~100 km polygon');
    const centres = Array.from({ length: 5 }, () => live[Math.floor(random() * live.length)]!);
    const polygons = centres.map((c) => octagon(c, 50));
    // Ours and raw ST_Covers in a process of their own (scenario-within.ts says why); Turf here, over the points
    // this process holds.
    const within = JSON.parse(await inOwnProcess('within', JSON.stringify(polygons))) as WithinTimes;
    const { oursMs, rawMs } = within;
    const turfMs: number[] = [];
    const cs: Comparison[] = [];
    let count = 0;
    for (const [p, geometry] of polygons.entries()) {
      const { ours: ids, raw: rawIds } = within.answers[p]!;
      for (let i = 0; i < repeat; i++) {
        const t = performance.now();
        const c = turfWithin(live, geometry as Polygon);
        turfMs.push(performance.now() - t);
        if (i === 0) {
          count += ids.length;
          cs.push(compareIdSets(ids, rawIds));
          cs.push(compareIdSets(ids, c));
        }
      }
    }
    const [o, r, tf] = [median(oursMs), median(rawMs), median(turfMs)];
    const size = `${polygons.length} octagons r=50 km, ~${Math.round(count / polygons.length)} sites each`;
    rows.push(
      {
        scenario: '4. within ~100 km polygon vs raw',
        size,
        ours: o,
        baseline: r,
        unit: 'ms',
        baselineName: 'raw ST_Covers',
        ratio: o / r,
        target: '≤ 1.2×',
        pass: o <= 1.2 * r,
        answersEqual: allEqual(cs.filter((_, i) => i % 2 === 0)),
        note: 'ours over a socket in a process of its own (the bytes counted, as wrk), PostGIS store; raw there with pg',
      },
      {
        scenario: '4. within ~100 km polygon vs Turf',
        size,
        ours: o,
        baseline: tf,
        unit: 'ms',
        baselineName: `Turf over ${live.length} points`,
        ratio: tf / o,
        target: 'Turf ≥ 50× ours',
        pass: tf >= 50 * o,
        answersEqual: allEqual(cs.filter((_, i) => i % 2 === 1)),
        note: 'ratio here is Turf / ours (the speed-up)',
      },
    );
    notes.within = { polygons, differences: firstDifferences(cs) };
  }

  // 5. Hotspots (all substations, r = 10 km, now and as of a day) and unexplained load, in a process of its own
  // (scenario-analysis.ts says why).
  if (run(5)) {
    log('5. hotspots and unexplained load');
    const result = JSON.parse(await inOwnProcess('analysis', String(seed.substations.length))) as {
      rows: Row[];
      analysis: unknown;
    };
    rows.push(...result.rows);
    notes.analysis = result.analysis;
  }

  // 7. Export of every site as GeoJSON, streamed: bytes/s and the app's RSS against JSON.stringify.
  if (run(7)) {
    log('7. export GeoJSON');
    await new Promise((r) => setTimeout(r, 1000));
    const app = processTree(ours.child.pid!);
    const idle = rssOf(app);
    let peak = idle;
    const sampler = setInterval(() => (peak = Math.max(peak, rssOf(app))), 20);
    // The download is curl's, in a process of its own, into a file: read in this process, whose heap holds the
    // million seeded sites, the reading was the bottleneck (V8 collecting a heap near its limit while the
    // answer's chunks arrived: 0.72 MB/s at 1M, the app's workers idle at 2–4 % CPU, docs/performance.md Fix 12).
    const file = path.join(tmpdir(), `gridwatch-peers-export-${process.pid}.geojson`);
    onCleanup(() => rmSync(file, { force: true }));
    // curl ≥ 7.84 writes a header's value with %header{…}; an answer without the header leaves the field empty.
    const [bytesText, secondsText, encoding] = (
      await runCommand(
        'curl',
        [
          '-sS',
          '-o',
          file,
          '-w',
          '%{size_download} %{time_total} %header{transfer-encoding}',
          `${ours.baseUrl}/api/export/sites.geojson`,
        ],
        30 * 60_000,
      )
    )
      .trim()
      .split(' ');
    const bytes = Number(bytesText);
    const exportSeconds = Number(secondsText);
    clearInterval(sampler);
    // At 1M sites neither side fits one JavaScript string (at most 2^29 characters): the answer is read a feature a
    // line (the export writes one per line), and the baseline stringifies the features into ~64 KB chunks as the
    // export writes them, counting each chunk's bytes.
    const body = { features: await exportFeatures(file) };
    const s = performance.now();
    let baseBytes = 0;
    let chunk = '';
    for (const feature of body.features) {
      chunk += `${chunk ? ',\n' : ''}${JSON.stringify(feature)}`;
      if (chunk.length >= 64 * 1024) {
        baseBytes += Buffer.byteLength(chunk);
        chunk = '';
      }
    }
    baseBytes += Buffer.byteLength(chunk);
    const stringifySeconds = (performance.now() - s) / 1000;
    const oursMBs = bytes / 2 ** 20 / exportSeconds;
    const baseMBs = baseBytes / 2 ** 20 / stringifySeconds;
    const growth = (peak - idle) / 2 ** 20;
    const size = `${body.features.length} sites, ${(bytes / 2 ** 20).toFixed(0)} MB`;
    rows.push(
      {
        scenario: '7. export GeoJSON throughput',
        size,
        ours: oursMBs,
        baseline: baseMBs,
        unit: 'MB/s',
        baselineName: 'JSON.stringify in one process',
        ratio: oursMBs / baseMBs,
        target: '≥ 0.5×',
        pass: oursMBs >= 0.5 * baseMBs,
        answersEqual: body.features.length === live.length,
      },
      {
        scenario: '7. export: app RSS growth over idle',
        size,
        ours: growth,
        baseline: idle / 2 ** 20,
        unit: 'MB',
        baselineName: 'idle RSS',
        ratio: growth / (idle / 2 ** 20),
        target: '< 150 MB',
        pass: growth < 150,
        answersEqual: null,
      },
    );
    notes.export = {
      bytes,
      exportSeconds,
      stringifySeconds,
      idleRss: idle,
      peakRss: peak,
      streamed: encoding || null,
    };
  }

  // 6. Import through the API vs a set-based insert of the same rows into the same table (last: it adds sites).
  if (run(6)) {
    const n = settings.importRows;
    log(`6. import of ${n} sites`);
    const pick = seed.sites.slice(0, n);
    const csv = sitesCsv(pick, 'IMP-');
    const login = await fetch(`${ours.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }),
    });
    if (login.status !== 200) throw new Error(`login: ${login.status} ${await login.text()}`);
    const cookie = (login.headers.getSetCookie?.() ?? []).map((c) => c.split(';')[0]).join('; ');
    let t = performance.now();
    const res = await fetch(`${ours.baseUrl}/api/import/sites`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv', cookie, origin: ours.baseUrl },
      body: csv,
    });
    const importSeconds = (performance.now() - t) / 1000;
    const answer = await res.text();
    if (res.status !== 200) throw new Error(`import: ${res.status} ${answer.slice(0, 500)}`);
    // The floor: the same rows inserted set-based (unnest of arrays, 10,000 a statement) in one transaction.
    t = performance.now();
    await raw.query('BEGIN');
    for (let i = 0; i < n; i += 10_000) {
      const part = pick.slice(i, i + 10_000);
      const col = <K extends keyof (typeof pick)[number]>(k: K) => part.map((p) => p[k]);
      await raw.query(
        `INSERT INTO sites (external_id, name, name_zh, operator, machines, load_mw, status, first_observed,
           feeder_substation_id, lon, lat, status_changed_at)
         SELECT x.e, x.n, x.nz, x.o, x.m, x.l, x.s, x.f, ss.id, x.lon, x.lat, now()::text
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::int[], $6::float8[], $7::text[], $8::text[],
           $9::text[], $10::float8[], $11::float8[]) AS x(e, n, nz, o, m, l, s, f, fe, lon, lat)
         LEFT JOIN substations ss ON ss.external_id = x.fe`,
        [
          part.map((_, j) => `RAW-${i + j}`),
          col('name'),
          col('nameZh'),
          col('operator'),
          col('machines'),
          col('loadMw'),
          col('status'),
          col('firstObserved'),
          col('feederSubstationExternalId'),
          col('lon'),
          col('lat'),
        ],
      );
    }
    await raw.query('COMMIT');
    const rawSeconds = (performance.now() - t) / 1000;
    const [o, r] = [n / importSeconds, n / rawSeconds];
    rows.push({
      scenario: '6. import through the API',
      size: `${n} sites (CSV ${(csv.length / 2 ** 20).toFixed(1)} MB)`,
      ours: o,
      baseline: r,
      unit: 'rows/s',
      baselineName: 'set-based INSERT (unnest), one transaction',
      ratio: o / r,
      target: '≥ 0.3×',
      pass: o >= 0.3 * r,
      answersEqual: null,
      note: 'ours includes parsing, validation, the plan, status history and utility assignment',
    });
    notes.import = { importSeconds, rawSeconds, answer: answer.slice(0, 300) };
  }

  const table = printTable(rows);
  const file = writeResult(path.join(ROOT, 'bench/results'), sites, {
    issue: 16,
    when: new Date().toISOString(),
    machine: machine(),
    versions,
    settings,
    caches:
      'no server-side cache in the app or MapServer; wrk sends no If-None-Match, so HTTP ETag/max-age never hit (hit rate 0)',
    rows,
    table,
    notes,
  });
  log(`written ${path.relative(ROOT, file)}`);
}

try {
  await main();
} finally {
  await cleanupAll();
}
process.exit(0);

/** The features of an export answer, a line each (export-layer.ts writes `{…features:[`, a feature a line, `],…}`). */
async function exportFeatures(file: string): Promise<unknown[]> {
  const features: unknown[] = [];
  for await (const line of createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity })) {
    const text = line.endsWith(',') ? line.slice(0, -1) : line;
    if (text.startsWith('{"type":"Feature"')) features.push(JSON.parse(text));
  }
  return features;
}
