/**
 * A consistent copy of the database while the app runs and writes: `npm run backup -- <file>`.
 * SQLite: `VACUUM INTO`, one read transaction, so the copy is a single moment of the database. PostgreSQL:
 * `pg_dump --format=custom`, also one snapshot; restore it with `pg_restore --dbname=<empty database>`.
 * The target is refused if it exists: a backup never overwrites one.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { loadConfig, type StoreUrl } from '../config';

export function backup(store: StoreUrl, target: string): void {
  if (existsSync(target)) throw new Error(`${target} exists: a backup never overwrites a file`);
  if (store.kind === 'sqlite') {
    const db = new Database(store.file, { readonly: true });
    try {
      db.prepare('VACUUM INTO ?').run(target);
    } finally {
      db.close();
    }
  } else {
    execFileSync('pg_dump', ['--format=custom', '--no-owner', `--file=${target}`, store.url], {
      stdio: 'inherit',
    });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const target = process.argv[2];
  if (!target) {
    console.error('usage: npm run backup -- <file>');
    process.exit(2);
  }
  backup(loadConfig().store, path.resolve(target));
  console.log(`backup written to ${target}`);
}
