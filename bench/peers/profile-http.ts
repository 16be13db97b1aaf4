/**
 * CPU per request of the app as deployed (its processes: the primary and a worker per core) and of the database
 * (all the postmaster's children), under wrk at 8 connections, for scenario 1's boxes or scenario 2's z12 tiles
 * over an already seeded database (such as a copy of bench:peers' kept one). At 8 connections both cores are
 * busy, so throughput is bounded by the sum: what the in-process profiles (profile-tiles.ts, profile-bbox.ts)
 * cannot show, since app.inject has costs of its own that a socket does not.
 *   npx tsx bench/peers/profile-http.ts <bbox|z12> <database URL> [seconds=10] [idle seconds=0]
 * The idle seconds pass between the warm-up and the measured run, as bench:peers' other side's rounds do.
 */
import path from 'node:path';
import { childrenOf, cpuMs, postmasterPid } from '../process-cpu';
import { runWrk } from './load';
import { cleanupAll, processTree, startBenchApp, stop } from './processes';
import { boxesHolding, readLiveSites, tilesOfSites } from './requests';

const [what = 'z12', url, seconds = '10', idle = '0'] = process.argv.slice(2);
if (!url || !['bbox', 'z12'].includes(what))
  throw new Error('usage: profile-http.ts <bbox|z12> <database URL> [seconds] [idle seconds]');
const ROOT = path.resolve(import.meta.dirname, '../..');
const live = await readLiveSites(url);
const paths =
  what === 'bbox'
    ? boxesHolding(live, 5000, 8).map((b) => `/api/layers/sites?bbox=${b.join(',')}`)
    : tilesOfSites(live, 12, 50).map((t) => `/api/tiles/sites/${t.z}/${t.x}/${t.y}.mvt`);
const app = await startBenchApp(ROOT, url, {});
try {
  const postmaster = postmasterPid();
  await runWrk(app.baseUrl, paths, 8, 2); // warm: plans, caches, the workers' JIT
  await new Promise((resolve) => setTimeout(resolve, Number(idle) * 1000));
  const appPids = processTree(app.child.pid!);
  const dbPids = childrenOf(postmaster);
  const [app0, db0] = [cpuMs(appPids), cpuMs(dbPids)];
  const r = await runWrk(app.baseUrl, paths, 8, Number(seconds));
  const [appCpu, dbCpu] = [cpuMs(appPids) - app0, cpuMs(dbPids) - db0];
  console.log(
    `${what}: ${r.requestsPerSecond.toFixed(1)} req/s at 8 connections (${r.requests} requests, ${r.errors} errors); ` +
      `CPU per request: app ${(appCpu / r.requests).toFixed(2)} ms, database ${(dbCpu / r.requests).toFixed(2)} ms`,
  );
} finally {
  await stop(app.child);
  await cleanupAll();
}
