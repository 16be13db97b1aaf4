/**
 * The z8 pan of scenario 2, tile by tile, in one process on PostGIS (docs/performance.md, "Fix 18"): each tile of
 * the pan through the route (app.inject) `rounds` times, interleaved; per tile the median wall time, the bytes and
 * the database's CPU, then the spread the target reads (slowest tile / median tile).
 *   npx tsx bench/peers/profile-pan.ts [sites=100000] [rounds=7] [database URL]
 * A database URL given (one seeded already, such as a copy of bench:peers' kept one): no seeding, not dropped.
 */
import { childrenOf, cpuMs, postmasterPid } from '../process-cpu';
import { median } from './load';
import { openProfiledApp } from './profiled-app';
import { panRow, readLiveSites } from './requests';

const sites = Number(process.argv[2] ?? 100_000);
const rounds = Number(process.argv[3] ?? 7);
const existing = process.argv[4];
const { db, app } = await openProfiledApp(sites, existing);
try {
  const pan = panRow(await readLiveSites(db.url), 8);
  const postmaster = postmasterPid();
  const wall = pan.map(() => [] as number[]);
  const dbCpu = pan.map(() => 0);
  const bytes = pan.map(() => 0);
  const fetchTile = (i: number) =>
    app.inject({ method: 'GET', url: `/api/tiles/sites/${pan[i]!.z}/${pan[i]!.x}/${pan[i]!.y}.mvt` });
  for (let i = 0; i < pan.length; i++) await fetchTile(i); // warm
  for (let r = 0; r < rounds; r++)
    for (let i = 0; i < pan.length; i++) {
      const pids = childrenOf(postmaster);
      const before = cpuMs(pids);
      const t0 = performance.now();
      const res = await fetchTile(i);
      wall[i]!.push(performance.now() - t0);
      dbCpu[i]! += cpuMs(pids) - before;
      bytes[i] = res.rawPayload.length;
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
  await app.close();
} finally {
  await db.drop();
}
