import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/**
 * CPU time (utime + stime from /proc, in ms) of processes, for the benchmarks that count what a request costs in
 * CPU rather than in wall time (bench/per-core.ts, bench/nginx-hit.ts): CPU time does not depend on what else the
 * machine runs. A process that has exited is not counted.
 */
const TICK = 100; // clock ticks per second on Linux

export function cpuMs(pids: readonly (number | string)[]): number {
  let ticks = 0;
  for (const pid of pids) {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // gone
    }
  }
  return (ticks * 1000) / TICK;
}

/** A process's children (the backends of a postmaster, the workers of nginx or of a cluster). */
export function childrenOf(pid: number | string): number[] {
  try {
    return execFileSync('pgrep', ['-P', String(pid)], { encoding: 'utf8' })
      .trim()
      .split('\n')
      .map(Number);
  } catch {
    return [];
  }
}

/** The local PostgreSQL server's postmaster (the oldest `postgres` process), whose children are its backends. */
export const postmasterPid = (): string =>
  execFileSync('pgrep', ['-o', '-x', 'postgres'], { encoding: 'utf8' }).trim();
