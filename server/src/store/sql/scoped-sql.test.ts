import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const STORE = path.resolve(import.meta.dirname, '..');

/**
 * The store's source files that may name a scoped table itself, and why; every other read goes through SCOPED
 * (scoped-sql.ts), so that a utility's user reads only its rows and nobody reads a retired site.
 */
const ALLOWED: Record<string, string> = {
  'sql/scoped-sql.ts': 'defines the scoped rows',
  'sql/import-sql.ts': 'an import must see a retired site to refuse its externalId, and writes the table',
  'sql/import-bulk-sql.ts':
    "the import's set-based insert reads back the ids of the rows it has just written",
  'sql/import-new-sites-sql.ts':
    "writes an import's new sites with their accountable utility (every utility: the site is not in a scope yet)",
  'sql/site-utility-sql.ts': 'keeps the accountable utility of every site, retired ones too (for a restore)',
  'sql/site-substation-pairs-sql.ts':
    'keeps the substation–site pairs of every site, retired ones too (for a restore); its reads go through SCOPED',
  'sql/cluster-cells-sql.ts':
    'keeps the cluster cells of every live site for unscoped tiles; scoped tiles read the sites through SCOPED',
  'sql/hotspot-loads-sql.ts':
    "keeps every substation's hotspot aggregate from all live sites (any scope); its read joins SCOPED.substations",
  'sql/hotspot-days-sql.ts':
    "keeps every substation's hotspot changes by day from all live sites (any scope); its read joins SCOPED.substations",
  'sql/served-loads-sql.ts':
    "keeps every meter's served loads from all live sites (any scope); it is read only outside a utility's scope",
  'sql/served-days-sql.ts':
    "keeps every meter's served loads by day from all live sites (any scope); it is read only outside a utility's scope",
  'sql/readings-sql.ts':
    'the readings import writes the readings and refolds their days (its reads go through SCOPED)',
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

// `FROM sites`, `JOIN lines`, `substations t`, `sql\`pylons\``, `raw('utilities')`: SQL that names a scoped table.
const TABLES = 'sites|substations|readings|reading_days|lines|pylons|zones|utilities';
const NAMES_TABLE = new RegExp(
  `\\b(from|join|update|into)\\s+(${TABLES})\\b|\\b(${TABLES})\\s+[a-z]\\b|sql\`(${TABLES})\\b|raw\\('(${TABLES})'`,
  'i',
);

describe('the scoped rows', () => {
  it('are the only rows of sites, substations, lines, pylons, zones and utilities the store reads', () => {
    const offenders = sources(STORE)
      .map((file) => path.relative(STORE, file).split(path.sep).join('/'))
      .filter((file) => !(file in ALLOWED))
      .flatMap((file) =>
        readFileSync(path.join(STORE, file), 'utf8')
          .split('\n')
          .flatMap((line, i) => (NAMES_TABLE.test(line) ? [`${file}:${i + 1}: ${line.trim()}`] : [])),
      );
    expect(offenders).toEqual([]);
  });
});
