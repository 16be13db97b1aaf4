/**
 * SQLite lets one connection write at a time. The SQLite store has two that write: the main connection
 * (Prisma's, for the records) and the writer thread's (imports, sqlite-threads.ts). They take turns through
 * this lock, so that neither ever waits in SQLite's busy handler, which sleeps on the thread that asked: on the
 * main thread that is the event loop.
 */
import type { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';

/** A first-come, first-served lock whose waiters wait asynchronously. */
export class WriteLock {
  private held = false;
  private readonly waiters: (() => void)[] = [];

  /** Resolves with the function that releases the lock; rejects after `maxWaitMs` without it. */
  acquire(maxWaitMs?: number): Promise<() => void> {
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      const next = this.waiters.shift();
      if (next) next();
      else this.held = false;
    };
    if (!this.held) {
      this.held = true;
      return Promise.resolve(release);
    }
    return new Promise((resolve, reject) => {
      const grant = () => {
        clearTimeout(timer);
        resolve(release);
      };
      const timer =
        maxWaitMs === undefined
          ? undefined
          : setTimeout(() => {
              const at = this.waiters.indexOf(grant);
              if (at >= 0) this.waiters.splice(at, 1);
              reject(new Error(`waited ${maxWaitMs} ms for the SQLite write lock`));
            }, maxWaitMs);
      this.waiters.push(grant);
    });
  }

  async run<T>(fn: () => Promise<T>): Promise<T> {
    const release = await this.acquire();
    try {
      return await fn();
    } finally {
      release();
    }
  }
}

type AdapterFactory = Pick<PrismaBetterSqlite3, 'provider' | 'adapterName' | 'connect'>;
type Adapter = Awaited<ReturnType<PrismaBetterSqlite3['connect']>>;
type Transaction = Awaited<ReturnType<Adapter['startTransaction']>>;

/** What Prisma sends that only reads: a SELECT never writes in SQLite (no data-modifying CTEs). */
const READ = /^\s*SELECT\b/i;

/**
 * Prisma's adapter with its writes under the lock: a transaction holds it from BEGIN to COMMIT or ROLLBACK (its
 * statements run on the connection inside it), a statement outside one that is not a SELECT holds it while it
 * runs. Reads outside a transaction go straight through: in WAL they never wait for a writer.
 */
export function withWriteLock(factory: AdapterFactory, lock: WriteLock): AdapterFactory {
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    async connect(): Promise<Adapter> {
      const adapter = await factory.connect();
      return {
        provider: adapter.provider,
        adapterName: adapter.adapterName,
        queryRaw: (query) =>
          READ.test(query.sql) ? adapter.queryRaw(query) : lock.run(() => adapter.queryRaw(query)),
        executeRaw: (query) => lock.run(() => adapter.executeRaw(query)),
        executeScript: (script) => lock.run(() => adapter.executeScript(script)),
        async startTransaction(isolationLevel) {
          const release = await lock.acquire();
          try {
            return releasingOnEnd(await adapter.startTransaction(isolationLevel), release);
          } catch (error) {
            release();
            throw error;
          }
        },
        ...(adapter.getConnectionInfo ? { getConnectionInfo: () => adapter.getConnectionInfo!() } : {}),
        dispose: () => adapter.dispose(),
      };
    },
  };
}

function releasingOnEnd(tx: Transaction, release: () => void): Transaction {
  const ending = (end: () => Promise<void>) => async (): Promise<void> => {
    try {
      await end();
    } finally {
      release();
    }
  };
  return {
    provider: tx.provider,
    adapterName: tx.adapterName,
    options: tx.options,
    queryRaw: (query) => tx.queryRaw(query),
    executeRaw: (query) => tx.executeRaw(query),
    commit: ending(() => tx.commit()),
    rollback: ending(() => tx.rollback()),
    ...(tx.createSavepoint ? { createSavepoint: (name: string) => tx.createSavepoint!(name) } : {}),
    ...(tx.rollbackToSavepoint
      ? { rollbackToSavepoint: (name: string) => tx.rollbackToSavepoint!(name) }
      : {}),
    ...(tx.releaseSavepoint ? { releaseSavepoint: (name: string) => tx.releaseSavepoint!(name) } : {}),
  };
}
