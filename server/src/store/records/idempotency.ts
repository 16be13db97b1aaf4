import { AsyncLocalStorage } from 'node:async_hooks';
import { sqltag as sql, type Sql } from '@prisma/client/runtime/client';
import { nowIso } from './db';

/** How long a key is remembered: a client retries within minutes; a day covers a crew's flaky connection. */
export const IDEMPOTENCY_KEY_TTL_MS = 24 * 60 * 60 * 1000;

/**
 * The request's `Idempotency-Key`, carried to the store through the async context so that every write
 * transaction files it without each port taking a parameter (docs/security.md, "Retries").
 */
export interface IdempotencyScope {
  userId: number;
  key: string;
  /** SHA-256 of the method, URL and body: the same key with another request is refused. */
  fingerprint: string;
  /** The first attempt's transaction result, when that attempt committed but its answer was lost. */
  storedOutcome?: { value: unknown };
  /** True once an answer comes from the first attempt instead of a new write. */
  replayed: boolean;
  /** True once a write transaction of this request has filed the key (a request writes once). */
  filed: boolean;
}

const scopes = new AsyncLocalStorage<IdempotencyScope>();

/** Runs `fn` with the key in scope: the write transactions it starts file the key or replay its outcome. */
export function runWithIdempotencyKey<T>(scope: IdempotencyScope, fn: () => Promise<T>): Promise<T> {
  return scopes.run(scope, fn);
}

/** What a write transaction needs of a client: both Prisma clients and their interactive transactions have it. */
export interface KeyTx {
  $queryRaw<T = unknown>(query: Sql): Promise<T>;
  $executeRaw(query: Sql): Promise<number>;
}

export interface TransactionOptions {
  maxWait?: number;
  timeout?: number;
}

/** Thrown inside a transaction to roll it back when another attempt with the same key holds it. */
class KeyHeldElsewhere extends Error {}

export interface StoredKey {
  fingerprint: string;
  outcome: { value: unknown } | null;
  answer: { status: number; body: string } | null;
}

type KeyRow = {
  fingerprint: string;
  outcome: string | null;
  answerStatus: number | null;
  answerBody: string | null;
};

const cutoff = () => new Date(Date.now() - IDEMPOTENCY_KEY_TTL_MS).toISOString();

/** The key's row, or null when there is none or it is older than the TTL. */
export async function findIdempotencyKey(db: KeyTx, userId: number, key: string): Promise<StoredKey | null> {
  const [row] = await db.$queryRaw<KeyRow[]>(sql`SELECT fingerprint, outcome, answer_status AS "answerStatus",
    answer_body AS "answerBody" FROM idempotency_keys
    WHERE user_id = ${userId} AND idem_key = ${key} AND created_at >= ${cutoff()}`);
  if (!row) return null;
  return {
    fingerprint: row.fingerprint,
    outcome: row.outcome === null ? null : { value: JSON.parse(row.outcome) as unknown },
    answer:
      row.answerStatus === null || row.answerBody === null
        ? null
        : { status: Number(row.answerStatus), body: row.answerBody },
  };
}

/** Keeps the answer as first sent, so a retry gets it byte for byte. Best effort: the outcome is the record. */
export async function saveIdempotentAnswer(
  db: KeyTx,
  scope: IdempotencyScope,
  status: number,
  body: string,
): Promise<void> {
  await db.$executeRaw(sql`UPDATE idempotency_keys SET answer_status = ${status}, answer_body = ${body}
    WHERE user_id = ${scope.userId} AND idem_key = ${scope.key}`);
}

/**
 * Every write transaction of the store runs through here. Without a key in scope it is `$transaction`. With
 * one, the key is filed first in the same transaction (so it commits exactly when the write does, and a
 * concurrent attempt with the same key waits on it, then finds it taken), and the transaction's result is
 * stored with it. An attempt whose key is already filed does not write: it returns the first result.
 */
export async function writeTransaction<TX extends KeyTx, T>(
  db: KeyTx & { $transaction<R>(fn: (tx: TX) => Promise<R>, options?: TransactionOptions): Promise<R> },
  fn: (tx: TX) => Promise<T>,
  options?: TransactionOptions,
): Promise<T> {
  const scope = scopes.getStore();
  if (!scope) return db.$transaction(fn, options);
  if (scope.filed) throw new Error('an idempotent request writes in one transaction');
  if (scope.storedOutcome) {
    scope.replayed = true;
    return scope.storedOutcome.value as T;
  }
  try {
    const result = await db.$transaction(async (tx) => {
      await tx.$executeRaw(sql`DELETE FROM idempotency_keys WHERE created_at < ${cutoff()}`);
      const filed = await tx.$executeRaw(sql`INSERT INTO idempotency_keys
        (user_id, idem_key, fingerprint, created_at) VALUES (${scope.userId}, ${scope.key}, ${scope.fingerprint},
        ${nowIso()}) ON CONFLICT (user_id, idem_key) DO NOTHING`);
      if (filed !== 1) throw new KeyHeldElsewhere();
      const value = await fn(tx);
      await tx.$executeRaw(sql`UPDATE idempotency_keys SET outcome = ${JSON.stringify(value ?? null)}
        WHERE user_id = ${scope.userId} AND idem_key = ${scope.key}`);
      return value;
    }, options);
    scope.filed = true;
    return result;
  } catch (error) {
    if (!(error instanceof KeyHeldElsewhere)) throw error;
    // The other attempt committed first (it held the key until then): its result is this request's too.
    const stored = await findIdempotencyKey(db, scope.userId, scope.key);
    if (!stored?.outcome || stored.fingerprint !== scope.fingerprint) throw new IdempotencyKeyConflict();
    scope.replayed = true;
    return stored.outcome.value as T;
  }
}

/** The key was taken by a request with another body, or its first attempt has not finished. */
export class IdempotencyKeyConflict extends Error {}

/** The keys as the HTTP layer sees them: a lookup before a keyed write, and the first answer after it. */
export class IdempotencyRepository {
  constructor(private readonly db: KeyTx) {}

  find(userId: number, key: string): Promise<StoredKey | null> {
    return findIdempotencyKey(this.db, userId, key);
  }

  saveAnswer(scope: IdempotencyScope, status: number, body: string): Promise<void> {
    return saveIdempotentAnswer(this.db, scope, status, body);
  }
}
