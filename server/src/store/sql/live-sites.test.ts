import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const STORE = path.resolve(import.meta.dirname, '..');

/** The store's source files that may name the sites table itself, and why; every other read goes through LIVE_SITES. */
const ALLOWED: Record<string, string> = {
  'sql/live-sites.ts': 'defines the live sites',
  'sql/import-sql.ts': 'an import must see a retired site to refuse its externalId, and writes the table',
  'sql/site-utility-sql.ts': 'keeps the accountable utility of every site, retired ones too (for a restore)',
  'sqlite/sqlite-store.ts': 'whether the database is empty, before seeding',
  'sqlite/load-seed.ts': 'the bulk loader writes the table',
  'postgis/load-seed.ts': 'the bulk loader writes the table',
  'postgis/postgis-store.ts': 'whether the database is empty, before seeding',
};

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'generated' ? [] : sources(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [full] : [];
  });
}

// `FROM sites`, `JOIN sites`, `sites t`, `sql\`sites\``: SQL that names the table rather than the live sites.
const NAMES_SITES = /\b(from|join|update|into)\s+sites\b|\bsites\s+t\b|sql`sites\b/i;

describe('the live sites', () => {
  it('are the only sites the store reads: no other SQL names the sites table', () => {
    const offenders = sources(STORE)
      .map((file) => path.relative(STORE, file).split(path.sep).join('/'))
      .filter((file) => !(file in ALLOWED))
      .flatMap((file) =>
        readFileSync(path.join(STORE, file), 'utf8')
          .split('\n')
          .flatMap((line, i) => (NAMES_SITES.test(line) ? [`${file}:${i + 1}: ${line.trim()}`] : [])),
      );
    expect(offenders).toEqual([]);
  });
});
