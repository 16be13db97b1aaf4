/**
 * SQLite queries off the event loop (docs/storage.md, "How SQLite queries run"): better-sqlite3 is synchronous,
 * so a query on the main thread holds every request until it ends. The store's reads go to a pool of worker
 * threads, each with its own read-only connection (WAL lets readers run beside the writer and each other, each
 * seeing the last committed state); an import's transaction goes to a writer thread with its own read-write
 * connection. The threads run sqlite-thread.mjs.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Sql } from '@prisma/client/runtime/client';
import type { Row } from '../row-values';
import type { ImportTx } from '../sql/import-client';
import type { WriteLock } from './write-lock';

const THREAD_SCRIPT = new URL('./sqlite-thread.mjs', import.meta.url);

/** As the main connection's: how long a statement waits for a lock (in its thread) before SQLITE_BUSY. */
const BUSY_TIMEOUT_MS = 5000;

/** The reader threads when GRIDWATCH_SQLITE_READERS does not say: one per core the process may use. */
export const defaultReaderCount = () => Math.max(1, availableParallelism());

/** A failed statement in a thread: its SQLite code, and a `cause` as the driver adapter reports it. */
export class SqliteThreadError extends Error {
  readonly code: string;
  override readonly cause: { kind: string; originalCode: string; originalMessage: string };

  constructor({ message, code, kind }: { message: string; code: string; kind: string }) {
    super(`SQLite: ${message} (${code})`);
    this.name = 'SqliteThreadError';
    this.code = code;
    // A busy database is reported as the adapter reports it (kind SocketTimeout), so it answers 503, not 500.
    this.cause = { kind, originalCode: code, originalMessage: message };
  }
}

type Request =
  | { op: 'query' | 'execute'; sql: string; values: unknown[] }
  | { op: 'executeEach'; statements: { sql: string; values: unknown[] }[] }
  | { op: 'begin' | 'commit' | 'rollback' };

interface Answer {
  id: number;
  columns?: string[];
  rows?: unknown[][];
  done?: boolean;
  changes?: number;
  /** executeEach: the rows each statement changed. */
  each?: number[];
  error?: { message: string; code: string; kind: string };
}

interface Pending {
  rows: Row[];
  resolve(answer: { rows: Row[]; changes: number; each: number[] }): void;
  reject(error: Error): void;
}

/** One worker thread and its connection; it answers its requests one at a time, in order. */
class SqliteThread {
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private closing = false;
  alive = true;

  constructor(file: string, mode: 'reader' | 'writer') {
    this.worker = new Worker(THREAD_SCRIPT, { workerData: { file, mode, busyTimeoutMs: BUSY_TIMEOUT_MS } });
    // An idle thread does not keep the process alive; one with work does (ref() in request).
    this.worker.unref();
    this.worker.on('message', (answer: Answer) => this.answer(answer));
    this.worker.on('error', (error) => this.fail(error));
    this.worker.on('exit', (code) => this.fail(new Error(`the SQLite thread stopped (exit code ${code})`)));
  }

  get busy(): boolean {
    return this.pending.size > 0;
  }

  request(request: Request): Promise<{ rows: Row[]; changes: number; each: number[] }> {
    if (!this.alive) return Promise.reject(new Error('the SQLite thread has stopped'));
    const id = this.nextId++;
    if (this.pending.size === 0) this.worker.ref();
    return new Promise((resolve, reject) => {
      this.pending.set(id, { rows: [], resolve, reject });
      try {
        this.worker.postMessage({ id, ...request });
      } catch (error) {
        // A value that cannot be sent (not cloneable): nothing went to the thread.
        this.settle(id);
        reject(error as Error);
      }
    });
  }

  /** A piece of an answer: rows become objects here, a piece at a time, between other work of the loop. */
  private answer({ id, columns, rows, done, changes, each, error }: Answer): void {
    const pending = this.pending.get(id);
    if (!pending) return;
    if (error) {
      this.settle(id);
      pending.reject(new SqliteThreadError(error));
      return;
    }
    if (columns && rows) {
      for (const values of rows) {
        const row: Row = {};
        for (let i = 0; i < columns.length; i++) row[columns[i]!] = values[i];
        pending.rows.push(row);
      }
    }
    if (done === false) {
      // The next piece after the loop has had a turn (see `next` in sqlite-thread.mjs).
      setImmediate(() => this.worker.postMessage({ id, op: 'next' }));
      return;
    }
    this.settle(id);
    pending.resolve({ rows: pending.rows, changes: changes ?? 0, each: each ?? [] });
  }

  private settle(id: number): void {
    this.pending.delete(id);
    if (this.pending.size === 0) this.worker.unref();
  }

  private fail(error: Error): void {
    if (!this.alive) return;
    this.alive = false;
    for (const pending of this.pending.values())
      pending.reject(this.closing ? new Error('the store is closed') : error);
    this.pending.clear();
  }

  /** Closes the connection and ends the thread. */
  async close(): Promise<void> {
    if (!this.alive) return;
    this.closing = true;
    const exited = new Promise((resolve) => this.worker.once('exit', resolve));
    this.worker.ref();
    this.worker.postMessage({ id: 0, op: 'close' });
    const timer = setTimeout(() => void this.worker.terminate(), 5000);
    await exited;
    clearTimeout(timer);
  }
}

/** The read-only threads: a read waits for a free one (first come, first served). */
export class SqliteReaders {
  private readonly threads: SqliteThread[];
  private readonly queue: { sql: Sql; resolve(rows: Row[]): void; reject(error: Error): void }[] = [];
  private closed = false;

  constructor(
    private readonly file: string,
    count: number,
  ) {
    this.threads = Array.from({ length: Math.max(1, count) }, () => new SqliteThread(file, 'reader'));
  }

  get size(): number {
    return this.threads.length;
  }

  query<T = Row[]>(sql: Sql): Promise<T> {
    if (this.closed) return Promise.reject(new Error('the store is closed'));
    return new Promise<Row[]>((resolve, reject) => {
      this.queue.push({ sql, resolve, reject });
      this.dispatch();
    }) as Promise<T>;
  }

  private dispatch(): void {
    for (let i = 0; i < this.threads.length && this.queue.length > 0; i++) {
      let thread = this.threads[i]!;
      if (!thread.alive && !this.closed) {
        // A thread that died (it should not) is replaced; its read was refused with the error.
        thread = this.threads[i] = new SqliteThread(this.file, 'reader');
      }
      if (thread.busy) continue;
      const job = this.queue.shift()!;
      thread
        .request({ op: 'query', sql: job.sql.sql, values: job.sql.values })
        .then(({ rows }) => job.resolve(rows), job.reject)
        .finally(() => this.dispatch());
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(new Error('the store is closed'));
    await Promise.all(this.threads.map((thread) => thread.close()));
  }
}

/** Statements per executeEach message: a few MB of values, and a short hold of the thread per batch. */
const EACH_BATCH = 5_000;

export interface TransactionOptions {
  maxWait?: number;
  timeout?: number;
}

/**
 * The writer thread: a transaction whose statements run on the thread's own read-write connection. The main
 * thread drives it (the import's logic between statements stays where it is), each statement a message, so the
 * event loop runs between them and SQLite's work (statements, commit, checkpoint) happens in the thread.
 *
 * SQLite has one writer at a time. The write lock is shared with the main connection (write-lock.ts): a
 * transaction here starts only when no main-connection transaction is open, and main-connection writes wait
 * (asynchronously) for it to end. Without that, a main-connection write meeting this thread's lock would wait
 * in SQLite's busy handler, which sleeps on the event loop, and fail after the busy timeout.
 */
export class SqliteWriter {
  private thread: SqliteThread | null = null;
  private closed = false;

  constructor(
    private readonly file: string,
    private readonly lock: WriteLock,
  ) {}

  async transaction<T>(fn: (tx: ImportTx) => Promise<T>, options: TransactionOptions = {}): Promise<T> {
    if (this.closed) throw new Error('the store is closed');
    const release = await this.lock.acquire(options.maxWait);
    try {
      if (!this.thread?.alive) this.thread = new SqliteThread(this.file, 'writer');
      const thread = this.thread;
      await thread.request({ op: 'begin' });
      // Past its timeout the transaction refuses further statements and is rolled back (as Prisma's does).
      let expired = false;
      const timer =
        options.timeout === undefined ? undefined : setTimeout(() => (expired = true), options.timeout);
      const statement = (op: 'query' | 'execute', sql: Sql) => {
        if (expired) throw new Error(`the transaction passed its timeout of ${options.timeout} ms`);
        return thread.request({ op, sql: sql.sql, values: sql.values });
      };
      const tx: ImportTx = {
        $queryRaw: async <R>(sql: Sql) => (await statement('query', sql)).rows as R,
        $executeRaw: async (sql: Sql) => (await statement('execute', sql)).changes,
        $executeEach: async (sqls: readonly Sql[]) => {
          const each: number[] = [];
          // Batches of EACH_BATCH statements: a message each way per batch, not per statement.
          for (let start = 0; start < sqls.length; start += EACH_BATCH) {
            if (expired) throw new Error(`the transaction passed its timeout of ${options.timeout} ms`);
            const statements = sqls
              .slice(start, start + EACH_BATCH)
              .map((q) => ({ sql: q.sql, values: q.values }));
            each.push(...(await thread.request({ op: 'executeEach', statements })).each);
          }
          return each;
        },
      };
      try {
        const result = await fn(tx);
        if (expired) throw new Error(`the transaction passed its timeout of ${options.timeout} ms`);
        await thread.request({ op: 'commit' });
        return result;
      } catch (error) {
        if (thread.alive) await thread.request({ op: 'rollback' });
        throw error;
      } finally {
        clearTimeout(timer);
      }
    } finally {
      release();
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.lock.acquire().then(async (release) => {
      await this.thread?.close();
      release();
    });
  }
}
