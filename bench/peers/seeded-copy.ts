/**
 * `--keep-seeded`: seeding a million sites takes about 15 minutes on PostGIS, so the bench may keep one seeded
 * database (and SQLite file) per size and start each run from a copy of it (`CREATE DATABASE … TEMPLATE`, a file
 * copy for SQLite), so scenario 6's import never reaches the kept one. The key is the site count and the seed
 * generator's code; a change there seeds again (and drops the older copies of that size). A migration added
 * since the copy was seeded is applied to each run's copy when the bench opens it, as on a deployed database:
 * which is why a migration that adds a derived table must also fill it from the rows already there.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { testServerUrl } from '../../server/test/throwaway-postgres';
import { createThrowawayStore, type ThrowawayStore } from '../../server/test/throwaway-database';

/** The folder whose files decide the seed's rows: the generator. */
const KEY_FOLDERS = ['geodata/src'];

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const full = path.join(dir, name);
      return statSync(full).isDirectory() ? filesUnder(full) : [full];
    });
}

/** The kept copies' key: the size and a hash of the generator's files. */
export function seededKey(root: string, sites: number): string {
  const hash = createHash('sha256').update(String(sites));
  for (const folder of KEY_FOLDERS) {
    for (const file of filesUnder(path.join(root, folder))) {
      if (/\.test\.ts$/.test(file)) continue;
      hash.update(path.relative(root, file)).update(readFileSync(file));
    }
  }
  return `${sites}_${hash.digest('hex').slice(0, 12)}`;
}

async function withAdmin<T>(work: (admin: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: testServerUrl() });
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.end();
  }
}

function urlOf(name: string): string {
  const url = new URL(testServerUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * A PostGIS database for this run: a copy of the kept seeded one for `key`, made first by `seedInto` (which
 * must leave the database seeded and closed) when there is none.
 */
export async function postgisCopy(
  key: string,
  seedInto: (url: string) => Promise<void>,
  log: (line: string) => void,
): Promise<ThrowawayStore> {
  const sites = key.split('_')[0];
  const kept = `gridwatch_peers_seeded_${key}`;
  const complete = await withAdmin(async (admin) => {
    const { rows } = await admin.query<{ datname: string; comment: string | null }>(
      // starts_with, not LIKE: LIKE's `_` matches any character, so `…_100000_%` also matched the 1,000,000
      // copy, and a 100k run dropped a 1M copy while it was being seeded.
      `SELECT datname, shobj_description(oid, 'pg_database') AS comment FROM pg_database
       WHERE starts_with(datname, $1)`,
      [`gridwatch_peers_seeded_${sites}_`],
    );
    for (const old of rows.filter((r) => r.datname !== kept || r.comment !== 'complete')) {
      log(`dropping the kept copy ${old.datname} (other code, or not finished)`);
      await admin.query(`DROP DATABASE IF EXISTS ${old.datname} WITH (FORCE)`);
    }
    return rows.some((r) => r.datname === kept && r.comment === 'complete');
  });
  if (!complete) {
    log(`seeding the kept copy ${kept} (once for this size and code)`);
    await withAdmin((admin) => admin.query(`CREATE DATABASE ${kept}`));
    await seedInto(urlOf(kept));
    // Marked only once seeded and closed: a run stopped half-way leaves no copy that looks whole.
    await withAdmin((admin) => admin.query(`COMMENT ON DATABASE ${kept} IS 'complete'`));
  } else log(`reusing the kept copy ${kept}`);
  const name = `gridwatch_test_peers_${Date.now().toString(36)}`;
  // FILE_COPY: PostgreSQL 15's default (WAL_LOG) writes the whole database through the WAL, gigabytes at 1M
  // sites, and the server then checkpoints back to back while the scenarios run (docs/performance.md, "Fix 26").
  await withAdmin((admin) => admin.query(`CREATE DATABASE ${name} TEMPLATE ${kept} STRATEGY = FILE_COPY`));
  return {
    url: urlOf(name),
    drop: () =>
      withAdmin((admin) => admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => {}),
  };
}

/** The same for SQLite: a copy of a kept, seeded file under `data/bench-seeded/`. */
export async function sqliteCopy(
  root: string,
  key: string,
  seedInto: (url: string) => Promise<void>,
  log: (line: string) => void,
): Promise<ThrowawayStore> {
  const dir = path.join(root, 'data/bench-seeded');
  mkdirSync(dir, { recursive: true });
  const sites = key.split('_')[0];
  const kept = path.join(dir, `peers-${key}.db`);
  for (const old of readdirSync(dir).filter((f) => f.startsWith(`peers-${sites}_`))) {
    if (path.join(dir, old) !== kept) rmSync(path.join(dir, old), { force: true });
  }
  if (!existsSync(kept)) {
    log(`seeding the kept SQLite copy ${path.relative(root, kept)}`);
    const partial = `${kept}.partial`;
    rmSync(partial, { force: true });
    await seedInto(`file:${partial}`);
    // Closed, the store has checkpointed its write-ahead log into the file; a log left over would be lost.
    if (existsSync(`${partial}-wal`) && statSync(`${partial}-wal`).size > 0) {
      throw new Error(`${partial}-wal is not empty after closing the store: the copy would lose rows`);
    }
    copyFileSync(partial, kept);
    rmSync(partial, { force: true });
  } else log(`reusing the kept SQLite copy ${path.relative(root, kept)}`);
  const run = await createThrowawayStore('sqlite', 'peers');
  copyFileSync(kept, run.url.slice('file:'.length));
  return run;
}
