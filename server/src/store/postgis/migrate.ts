import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type pg from 'pg';
import { REPO_ROOT } from '../../config';

export const POSTGIS_MIGRATIONS_DIR = path.join(REPO_ROOT, 'prisma/migrations/postgis');

// Any constant: two servers starting at once on one database take turns instead of racing.
const MIGRATION_LOCK = 7_317_001;

/**
 * Applies the SQL files of the folder that have not run yet, in name order, each in its own transaction. The lock
 * is a transaction's (pg_advisory_xact_lock), taken again in each one and the file's state read under it: behind
 * pgbouncer in transaction mode a session lock could be taken on one server connection and "released" on another,
 * and stay held for good (docs/scaling.md, "Connection pooling").
 */
export async function applyPostgisMigrations(
  client: pg.ClientBase,
  dir = POSTGIS_MIGRATIONS_DIR,
): Promise<string[]> {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .sort();
  const applied: string[] = [];
  for (const name of files) {
    await client.query('BEGIN');
    try {
      await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      await client.query(
        `CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)`,
      );
      const done = await client.query('SELECT 1 FROM schema_migrations WHERE name = $1', [name]);
      if (done.rowCount === 0) {
        await client.query(readFileSync(path.join(dir, name), 'utf8'));
        await client.query('INSERT INTO schema_migrations (name, applied_at) VALUES ($1, $2)', [
          name,
          new Date().toISOString(),
        ]);
        applied.push(name);
      }
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK');
      throw new Error(`migration ${name} failed: ${(error as Error).message}`, { cause: error });
    }
  }
  return applied;
}
