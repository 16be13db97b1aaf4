/**
 * The loop the profile scripts share (profile-tiles.ts, profile-bbox.ts): each side runs over every item, the
 * sides interleaved round after round; the wall time per item and the CPU per item of this process and of the
 * database's backends (all the postmaster's children: the store's pools and the script's). CPU is what bounds
 * throughput on two cores, and it does not depend on what else the machine runs.
 */
import { childrenOf, cpuMs, postmasterPid } from '../process-cpu';
import { median } from './load';

export type Side<T> = [name: string, run: (item: T) => Promise<unknown>];

export async function profileSides<T>(sides: Side<T>[], items: readonly T[], rounds: number): Promise<void> {
  const postmaster = postmasterPid();
  const wall = new Map(sides.map(([name]) => [name, [] as number[]]));
  const cpu = new Map(sides.map(([name]) => [name, { node: 0, db: 0, n: 0 }]));
  for (const [, fn] of sides) for (const item of items) await fn(item); // warm
  for (let i = 0; i < rounds; i++)
    for (const [name, fn] of sides) {
      const pids = childrenOf(postmaster);
      const dbBefore = cpuMs(pids);
      const nodeBefore = process.cpuUsage();
      for (const item of items) {
        const t0 = performance.now();
        await fn(item);
        wall.get(name)!.push(performance.now() - t0);
      }
      const node = process.cpuUsage(nodeBefore);
      const c = cpu.get(name)!;
      c.node += (node.user + node.system) / 1000;
      c.db += cpuMs(pids) - dbBefore;
      c.n += items.length;
    }
  for (const [name, xs] of wall) {
    const c = cpu.get(name)!;
    console.log(
      `${name}: wall p50 ${median(xs).toFixed(2)} ms; CPU per item: this process ${(c.node / c.n).toFixed(2)} ms, ` +
        `database ${(c.db / c.n).toFixed(2)} ms`,
    );
  }
}
