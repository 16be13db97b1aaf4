import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { raw, sqltag as sql, type Sql } from '@prisma/client/runtime/client';
import type { LayerId } from '../../api/layers';
import type { Bbox } from '../../domain/geo/bbox';
import type { SeedData } from '../../../../geodata/src/seed-types';
import { LAYER_SQL } from '../sql/layer-sql';
import { SqlStore } from '../sql/sql-store';
import { PrismaClient } from './generated/client';
import { loadSeedSqlite } from './load-seed';
import { applySqliteMigrations } from './migrate';

export interface OpenSqliteOptions {
  /** Loaded when the database holds no data yet (first start). */
  seed?: () => SeedData;
}

/**
 * Opens (creating, migrating and, when empty, seeding) the SQLite file. Migrations and the bulk seed go through
 * the driver before the Prisma client connects; everything after goes through Prisma.
 */
export async function openSqliteStore(file: string, options: OpenSqliteOptions = {}): Promise<SqliteStore> {
  if (file !== ':memory:') mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    applySqliteMigrations(db);
    const { empty } = db
      .prepare('SELECT NOT EXISTS (SELECT 1 FROM regions) AND NOT EXISTS (SELECT 1 FROM sites) AS empty')
      .get() as { empty: number };
    if (empty === 1 && options.seed) loadSeedSqlite(db, options.seed());
  } finally {
    db.close();
  }
  const prisma = new PrismaClient({
    adapter: new PrismaBetterSqlite3({ url: `file:${file}`, timeout: 5000 }),
  });
  await prisma.$connect();
  await prisma.$executeRaw`PRAGMA foreign_keys = ON`;
  return new SqliteStore(prisma);
}

export class SqliteStore extends SqlStore {
  readonly backend = 'sqlite' as const;

  constructor(readonly prisma: PrismaClient) {
    super(prisma);
  }

  /** The R*Tree prefilter (32-bit boxes rounded outwards), then the exact test on the row's own columns. */
  protected bboxCondition(layer: LayerId, [minLon, minLat, maxLon, maxLat]: Bbox): Sql {
    const { table, point } = LAYER_SQL[layer];
    const prefilter = sql`t.id IN (SELECT id FROM ${raw(`${table}_rtree`)} WHERE min_lon <= ${maxLon}
      AND max_lon >= ${minLon} AND min_lat <= ${maxLat} AND max_lat >= ${minLat})`;
    const exact = point
      ? sql`t.lon BETWEEN ${minLon} AND ${maxLon} AND t.lat BETWEEN ${minLat} AND ${maxLat}`
      : sql`t.min_lon <= ${maxLon} AND t.max_lon >= ${minLon} AND t.min_lat <= ${maxLat} AND t.max_lat >= ${minLat}`;
    return sql`${prefilter} AND ${exact}`;
  }
}
