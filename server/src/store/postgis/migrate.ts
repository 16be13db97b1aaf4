import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type pg from 'pg';
import { REPO_ROOT } from '../../config';

export const POSTGIS_MIGRATIONS_DIR = path.join(REPO_ROOT, 'prisma/migrations/postgis');

// Any constant: two servers starting at once on one database take turns instead of racing.
const MIGRATION_LOCK = 7_317_001;

/** Applies the SQL files of the folder that have not run yet, in name order, each in its own transaction. */
export async function applyPostgisMigrations(
  client: pg.ClientBase,
  dir = POSTGIS_MIGRATIONS_DIR,
): Promise<string[]> {
  await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
  try {
    await client.query(
      `CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)`,
    );
    const done = new Set(
      (await client.query<{ name: string }>('SELECT name FROM schema_migrations')).rows.map((r) => r.name),
    );
    const pending = readdirSync(dir)
      .filter((f) => f.endsWith('.sql') && !done.has(f))
      .sort();
    for (const name of pending) {
      await client.query('BEGIN');
      try {
        await client.query(readFileSync(path.join(dir, name), 'utf8'));
        await client.query('INSERT INTO schema_migrations (name, applied_at) VALUES ($1, $2)', [
          name,
          new Date().toISOString(),
        ]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw new Error(`migration ${name} failed: ${(error as Error).message}`, { cause: error });
      }
    }
    return pending;
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
  }
}
