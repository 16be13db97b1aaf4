import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Whose data the current request may see: the regulator's users see everything (`utilityId` null); a utility's
 * users see only that utility's sites, substations, lines and pylons (docs/utilities.md). The auth plugin opens
 * a scope for every request before anything reads the store and narrows it once it knows the user; everything
 * below the routes reads it from here — the shared SQL's sources (sql/scoped-sql.ts), the record repositories,
 * and on PostGIS the row-level security of each transaction (postgis/scoped-adapter.ts) — so that no route can
 * forget it. Work outside a request (start-up, the derived data) runs unscoped.
 */
export interface DataScope {
  readonly utilityId: number | null;
}

/**
 * Where a request may read (docs/scaling.md, "Reads from a replica"): a read route may be served by the replica
 * once it has replayed `after` (the reader's last write, read-your-writes); `from` is decided at the request's
 * first query and kept, so that one answer is read from one database.
 */
export interface ReadPreference {
  after: bigint | null;
  from?: 'primary' | 'replica';
}

interface RequestScope {
  utilityId: number | null;
  reads?: ReadPreference;
}

const storage = new AsyncLocalStorage<RequestScope>();

/** Runs `fn` (and everything it starts) in an open scope that `narrowScope` may later narrow to a utility. */
export function runInScope<T>(fn: () => T): T {
  return storage.run({ utilityId: null }, fn);
}

/** Lets the current request's queries go to a replica that has replayed `after` (the primary otherwise). */
export function allowReplicaReads(after: bigint | null): void {
  const scope = storage.getStore();
  if (scope) scope.reads = { after };
}

/** The current request's read preference, or null: it reads from the primary. */
export function readPreference(): ReadPreference | null {
  return storage.getStore()?.reads ?? null;
}

/**
 * The current request's reads go to the primary from now on: its replica failed it (http/read-routing.ts), and
 * the request is answered again, from the primary alone.
 */
export function readFromPrimary(): void {
  const reads = storage.getStore()?.reads;
  if (reads) reads.from = 'primary';
}

/** Narrows the current request's scope to one utility; once narrowed it never widens. */
export function narrowScope(utilityId: number | null): void {
  const scope = storage.getStore();
  if (utilityId === null) return;
  if (!scope) throw new Error('narrowScope outside runInScope: the utility scope would be lost');
  if (scope.utilityId !== null && scope.utilityId !== utilityId) throw new Error('a scope never widens');
  scope.utilityId = utilityId;
}

/** Runs `fn` as one utility's user would (tests, and work done on a utility's behalf). */
export function runAsUtility<T>(utilityId: number, fn: () => T): T {
  return storage.run({ utilityId }, fn);
}

/** The utility the current request is limited to, or null for the regulator's (unlimited) view. */
export function scopeUtility(): number | null {
  return storage.getStore()?.utilityId ?? null;
}
