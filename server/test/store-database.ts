import Database from 'better-sqlite3';
import pg from 'pg';
import type { TestApp } from './test-app';

/**
 * A query run straight on a test app's database, past the store: the derived tables the API does not serve (pairs,
 * cluster cells, hotspot loads, memberships) are compared with a fresh fill this way. A statement that returns rows
 * gives them; any other gives [].
 */
export async function onStoreDatabase<T = Record<string, unknown>>(
  t: Pick<TestApp, 'databaseUrl'>,
  query: string,
): Promise<T[]> {
  if (t.databaseUrl.startsWith('file:')) {
    const db = new Database(t.databaseUrl.slice('file:'.length));
    try {
      const statement = db.prepare(query);
      return statement.reader ? (statement.all() as T[]) : (statement.run(), []);
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: t.databaseUrl });
  await client.connect();
  try {
    return (await client.query(query)).rows as T[];
  } finally {
    await client.end();
  }
}

/**
 * Forgets that the named derived tables were filled, and lets the store fill them anew from the rows: what a start
 * after their migration runs (SqlStore's own step, not on the Store port).
 */
export async function refillDerived(t: TestApp, ...names: string[]): Promise<void> {
  await onStoreDatabase(
    t,
    `DELETE FROM derived_state WHERE name IN (${names.map((n) => `'${n}'`).join(', ')})`,
  );
  await (t.store as unknown as { fillDerivedData(): Promise<void> }).fillDerivedData();
}
