import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import {
  LINE_COLUMNS,
  PYLON_COLUMNS,
  REGION_COLUMNS,
  SITE_COLUMNS,
  SUBSTATION_COLUMNS,
  ZONE_COLUMNS,
  type ColumnTable,
} from '@gridwatch/contract';
import { applySqliteMigrations } from '../sqlite/migrate';

const TABLES: Record<string, ColumnTable> = {
  regions: REGION_COLUMNS,
  substations: SUBSTATION_COLUMNS,
  lines: LINE_COLUMNS,
  pylons: PYLON_COLUMNS,
  sites: SITE_COLUMNS,
  zones: ZONE_COLUMNS,
};

// The migrations of both stores describe the same columns (schema-parity.test.ts), so SQLite's stand for both.
describe('the column tables and the migrations', () => {
  const db = new Database(':memory:');
  applySqliteMigrations(db);

  it.each(Object.keys(TABLES))('agree on the columns of %s and whether each may be null', (table) => {
    const info = db.prepare(`SELECT name, "notnull" FROM pragma_table_info(?)`).all(table) as {
      name: string;
      notnull: number;
    }[];
    const notNull = new Map(info.map((c) => [c.name, c.notnull === 1]));
    for (const [name, column] of Object.entries(TABLES[table]!)) {
      if (column.joined) continue;
      expect(notNull.has(column.sql), `${table}.${column.sql} (${name})`).toBe(true);
      expect(notNull.get(column.sql), `${table}.${column.sql} NOT NULL`).toBe(!column.nullable);
    }
  });

  it('name each seed and import property once per table', () => {
    for (const table of Object.values(TABLES)) {
      const names = Object.entries(table).map(([name, c]) => c.reference?.name ?? name);
      expect(new Set(names).size).toBe(names.length);
    }
  });
});
