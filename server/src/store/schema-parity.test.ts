import { readFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../config';
import pg from 'pg';
import { derivePostgisSchema } from '../../../prisma/derive-postgis-schema';
import { createThrowawayDatabase } from '../../test/throwaway-postgres';
import { applyPostgisMigrations } from './postgis/migrate';
import { applySqliteMigrations } from './sqlite/migrate';

/** Table → columns as prisma/schema.prisma names them in the database (@@map / @map). */
function prismaTables(schema: string): Map<string, Set<string>> {
  const tables = new Map<string, Set<string>>();
  for (const [, body] of schema.matchAll(/^model \w+ \{([\s\S]*?)^\}/gm)) {
    const table = /@@map\("([^"]+)"\)/.exec(body!)?.[1];
    if (!table) throw new Error('every model needs @@map');
    const columns = new Set<string>();
    for (const line of body!.split('\n')) {
      const m = /^\s+(\w+)\s+(\w+)(\[\])?\??(.*)$/.exec(line);
      if (!m) continue;
      const [, field, type, list, rest] = m;
      // Relation fields (a model type or a list) have no column of their own; Unsupported(...) ones do.
      if (
        list ||
        (/^[A-Z]/.test(type!) &&
          ![
            'String',
            'Int',
            'Float',
            'Boolean',
            'DateTime',
            'BigInt',
            'Bytes',
            'Json',
            'Unsupported',
          ].includes(type!))
      )
        continue;
      columns.add(/@map\("([^"]+)"\)/.exec(rest!)?.[1] ?? field!);
    }
    tables.set(table, columns);
  }
  return tables;
}

describe('the Prisma schema and the SQL migrations', () => {
  it('describe the same tables and columns (SQLite)', () => {
    const schema = readFileSync(path.join(REPO_ROOT, 'prisma/schema.prisma'), 'utf8');
    const expected = prismaTables(schema);
    const db = new Database(':memory:');
    applySqliteMigrations(db);
    const tables = (
      db
        .prepare(
          `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
        AND name NOT LIKE '%_rtree%' AND name != 'schema_migrations'`,
        )
        .all() as { name: string }[]
    ).map((r) => r.name);
    expect(new Set(tables)).toEqual(new Set(expected.keys()));
    for (const table of tables) {
      const columns = (
        db.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as { name: string }[]
      ).map((r) => r.name);
      expect(new Set(columns), table).toEqual(expected.get(table));
    }
    db.close();
  });

  it('apply once: a second run applies nothing', () => {
    const db = new Database(':memory:');
    expect(applySqliteMigrations(db).length).toBeGreaterThan(0);
    expect(applySqliteMigrations(db)).toEqual([]);
    db.close();
  });
});

describe('the derived PostGIS Prisma schema and the PostGIS migrations', () => {
  it('describe the same tables and columns (PostgreSQL)', async () => {
    const schema = derivePostgisSchema(readFileSync(path.join(REPO_ROOT, 'prisma/schema.prisma'), 'utf8'));
    const expected = prismaTables(schema);
    const db = await createThrowawayDatabase();
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      await applyPostgisMigrations(client);
      expect(await applyPostgisMigrations(client)).toEqual([]);
      const { rows } = await client.query<{ table_name: string; column_name: string }>(
        `SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public'
         AND table_name NOT IN ('schema_migrations', 'spatial_ref_sys', 'geography_columns', 'geometry_columns')`,
      );
      const actual = new Map<string, Set<string>>();
      for (const r of rows)
        actual.set(r.table_name, (actual.get(r.table_name) ?? new Set()).add(r.column_name));
      const sorted = (m: Map<string, Set<string>>) =>
        Object.fromEntries([...m].map(([t, c]) => [t, [...c].sort()]));
      expect(sorted(actual)).toEqual(sorted(expected));
    } finally {
      await client.end();
      await db.drop();
    }
  });
});
