import cluster, { type Worker } from 'node:cluster';

/** A worker that dies this soon after it started counts as a crash at start, not a one-off death. */
const EARLY_DEATH_MS = 5_000;
/** Crashes at start in a row after which the primary gives up (a bad config or database would loop forever). */
const MAX_EARLY_DEATHS = 3;

/**
 * The primary of GRIDWATCH_WORKERS > 1: forks that many app processes, which share the listening port
 * (node:cluster hands connections round-robin), and forks a new one when one dies — a process killed by the
 * kernel or a crash costs its own requests only. Nothing is shared between them but the database
 * (docs/scaling.md "Which state lives where"). SIGTERM/SIGINT stop the workers (each closes its server and
 * store), then the primary.
 */
export function superviseWorkers(count: number, log: (message: string) => void): void {
  let stopping = false;
  let earlyDeaths = 0;
  const startedAt = new Map<number, number>();
  const fork = (): Worker => {
    const worker = cluster.fork();
    startedAt.set(worker.id, Date.now());
    return worker;
  };
  for (let i = 0; i < count; i++) fork();

  cluster.on('exit', (worker, code, signal) => {
    const lived = Date.now() - (startedAt.get(worker.id) ?? 0);
    startedAt.delete(worker.id);
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      return;
    }
    earlyDeaths = lived < EARLY_DEATH_MS ? earlyDeaths + 1 : 0;
    if (earlyDeaths >= MAX_EARLY_DEATHS) {
      log(`gridwatch: ${earlyDeaths} workers in a row died at start (last: ${signal ?? code}); stopping`);
      process.exit(1);
    }
    log(`gridwatch: worker ${worker.process.pid} ended (${signal ?? `code ${code}`}); starting another`);
    fork();
  });

  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    log(`gridwatch: ${signal}: stopping ${Object.keys(cluster.workers ?? {}).length} workers`);
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM');
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}
