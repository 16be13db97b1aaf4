/** The settings of the store's pg pools, the primary's and the replica's (replica.ts). */
import type pg from 'pg';

/**
 * Settings for small machines: JIT compilation costs more than it saves on these short queries, and parallel
 * workers compete with the app for two cores.
 */
const SESSION_OPTIONS = '-c jit=off -c max_parallel_workers_per_gather=0';

/**
 * How long a pool keeps an idle connection (pg's default is 10 s). A new backend plans on a cold catalog cache
 * and sets up PostGIS's projections on its first tile: after ten quiet seconds the next burst of requests paid
 * that on every connection (docs/performance.md, "Fix 16": 112 against 132 z12 tiles/s). A pool holds at most
 * its `max` connections, so keeping them costs the server that many idle backends. The pools let a process
 * that is done exit with idle connections open (`allowExitOnIdle`), as it could within 10 s before.
 */
const POOL_IDLE_MS = 10 * 60_000;

/** A pool of up to `max` connections to `url` with the settings above. */
export const poolConfig = (url: string, max: number): pg.PoolConfig => ({
  connectionString: url,
  options: SESSION_OPTIONS,
  max,
  idleTimeoutMillis: POOL_IDLE_MS,
  allowExitOnIdle: true,
});
