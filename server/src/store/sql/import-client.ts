import type { Sql } from '@prisma/client/runtime/client';

/** What an import needs of a Prisma client (or of its interactive transaction); both generated clients have it. */
export interface ImportTx {
  $queryRaw<T = unknown>(query: Sql): Promise<T>;
  $executeRaw(query: Sql): Promise<number>;
  /**
   * SQLite's writer thread only: runs the statements in order, each a prepared statement, with one message per
   * batch instead of one per statement; the rows each changed.
   */
  $executeEach?(queries: readonly Sql[]): Promise<number[]>;
}

export interface ImportClient extends ImportTx {
  $transaction<T>(
    fn: (tx: ImportTx) => Promise<T>,
    options?: { maxWait?: number; timeout?: number },
  ): Promise<T>;
}
