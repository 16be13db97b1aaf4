import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { LAYER_COLUMNS, LAYER_IDS } from '@gridwatch/contract';
import { applySqliteMigrations } from '../sqlite/migrate';

// The migrations of both stores describe the same columns (schema-parity.test.ts), so SQLite's stand for both.
describe('the column tables and the migrations', () => {
  const db = new Database(':memory:');
  applySqliteMigrations(db);

  it.each(LAYER_IDS)('agree on the columns of %s and whether each may be null', (table) => {
    const info = db.prepare(`SELECT name, "notnull" FROM pragma_table_info(?)`).all(table) as {
      name: string;
      notnull: number;
    }[];
    const notNull = new Map(info.map((c) => [c.name, c.notnull === 1]));
    for (const [name, column] of Object.entries(LAYER_COLUMNS[table])) {
      if (column.joined) continue;
      expect(notNull.has(column.sql), `${table}.${column.sql} (${name})`).toBe(true);
      expect(notNull.get(column.sql), `${table}.${column.sql} NOT NULL`).toBe(!column.nullable);
    }
  });

  it('name each seed and import property once per table', () => {
    for (const table of Object.values(LAYER_COLUMNS)) {
      const names = Object.entries(table).map(([name, c]) => c.reference?.name ?? name);
      expect(new Set(names).size).toBe(names.length);
    }
  });
});
