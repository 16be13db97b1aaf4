/**
 * The z8 pan of scenario 2, tile by tile, on PostGIS (docs/performance.md, "Fix 18"): each tile of the pan fetched
 * over HTTP from the app as bench:peers starts it, `rounds` times, interleaved; per tile the median wall time, the
 * bytes and the database's CPU, then the spread the target reads (slowest tile / median tile). Over a socket, not
 * app.inject: inject turns a binary answer into a string, which cost the 408 KB tile 6 ms of its own ("Fix 23").
 *   npx tsx bench/peers/profile-pan.ts [sites=100000] [rounds=7] [database URL]
 * A database URL given (one seeded already, such as a copy of bench:peers' kept one): no seeding, not dropped.
 */
import path from 'node:path';
import { childrenOf, cpuMs, postmasterPid } from '../process-cpu';
import { median } from './load';
import { startBenchApp, stop } from './processes';
import { openProfiledApp } from './profiled-app';
import { panRow, readLiveSites } from './requests';

const sites = Number(process.argv[2] ?? 100_000);
const rounds = Number(process.argv[3] ?? 7);
const existing = process.argv[4];
const ROOT = path.resolve(import.meta.dirname, '../..');
// Seeds the throwaway database when no URL is given; the pan is then served by an app of its own.
const { db, app: seeding } = await openProfiledApp(sites, existing);
await seeding.close();
const app = await startBenchApp(ROOT, db.url, {});
try {
  const pan = panRow(await readLiveSites(db.url), 8);
  const postmaster = postmasterPid();
  const wall = pan.map(() => [] as number[]);
  const dbCpu = pan.map(() => 0);
  const bytes = pan.map(() => 0);
  const fetchTile = async (i: number) => {
    const res = await fetch(`${app.baseUrl}/api/tiles/sites/${pan[i]!.z}/${pan[i]!.x}/${pan[i]!.y}.mvt`);
    return (await res.arrayBuffer()).byteLength;
  };
  for (let i = 0; i < pan.length; i++) await fetchTile(i); // warm
  for (let r = 0; r < rounds; r++)
    for (let i = 0; i < pan.length; i++) {
      const pids = childrenOf(postmaster);
      const before = cpuMs(pids);
      const t0 = performance.now();
      bytes[i] = await fetchTile(i);
      wall[i]!.push(performance.now() - t0);
      dbCpu[i]! += cpuMs(pids) - before;
    }
  const p50s = wall.map(median);
  pan.forEach((t, i) =>
    console.log(
      `8/${t.x}/${t.y}: ${p50s[i]!.toFixed(2)} ms, ${(bytes[i]! / 1024).toFixed(0)} KB, ` +
        `database CPU ${(dbCpu[i]! / rounds).toFixed(1)} ms`,
    ),
  );
  const slowest = Math.max(...p50s);
  console.log(
    `slowest ${slowest.toFixed(2)} ms / median ${median(p50s).toFixed(2)} ms = ${(slowest / median(p50s)).toFixed(2)}×`,
  );
} finally {
  await stop(app.child);
  await db.drop();
}
process.exit(0);
