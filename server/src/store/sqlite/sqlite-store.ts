import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { LAYER_IDS, type LayerId, type LayerInfo } from '../../api/layers';
import type { SeedData } from '../../../../geodata/src/seed-types';
import { rowToFeature } from '../feature-rows';
import { LAYER_CATALOG } from '../layer-catalog';
import type { LayerFeature, LayerFilter, LayerPage, Store } from '../store';
import { PrismaClient, Prisma } from './generated/client';
import { LAYER_SQL } from './layer-sql';
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
    const empty =
      (
        db
          .prepare('SELECT NOT EXISTS (SELECT 1 FROM regions) AND NOT EXISTS (SELECT 1 FROM sites) AS e')
          .get() as { e: number }
      ).e === 1;
    if (empty && options.seed) loadSeedSqlite(db, options.seed());
  } finally {
    db.close();
  }
  const adapter = new PrismaBetterSqlite3({ url: `file:${file}`, timeout: 5000 });
  const prisma = new PrismaClient({ adapter });
  await prisma.$connect();
  await prisma.$executeRaw`PRAGMA foreign_keys = ON`;
  return new SqliteStore(prisma);
}

type Row = Record<string, unknown>;

export class SqliteStore implements Store {
  readonly backend = 'sqlite' as const;

  constructor(private readonly prisma: PrismaClient) {}

  async layerInfos(): Promise<LayerInfo[]> {
    return Promise.all(
      LAYER_IDS.map(async (id) => {
        const rtree = Prisma.raw(LAYER_SQL[id].rtree);
        const [row] = await this.prisma.$queryRaw<Row[]>`SELECT count(*) AS count, min(min_lon) AS minLon,
          min(min_lat) AS minLat, max(max_lon) AS maxLon, max(max_lat) AS maxLat FROM ${rtree}`;
        const count = Number(row?.count ?? 0);
        // R*Tree boxes are 32-bit floats rounded outwards: good enough for an extent to fit a map to.
        const bbox =
          count === 0 || !row
            ? null
            : [Number(row.minLon), Number(row.minLat), Number(row.maxLon), Number(row.maxLat)];
        return { id, ...LAYER_CATALOG[id], count, bbox };
      }),
    );
  }

  async queryLayer<L extends LayerId>(layer: L, filter: LayerFilter): Promise<LayerPage<L>> {
    const sql = LAYER_SQL[layer];
    const where: Prisma.Sql[] = [];
    if (filter.bbox) {
      const [minLon, minLat, maxLon, maxLat] = filter.bbox;
      const rtree = Prisma.raw(sql.rtree);
      where.push(Prisma.sql`t.id IN (SELECT id FROM ${rtree} WHERE min_lon <= ${maxLon} AND max_lon >= ${minLon}
        AND min_lat <= ${maxLat} AND max_lat >= ${minLat})`);
      where.push(
        sql.point
          ? Prisma.sql`t.lon BETWEEN ${minLon} AND ${maxLon} AND t.lat BETWEEN ${minLat} AND ${maxLat}`
          : Prisma.sql`t.min_lon <= ${maxLon} AND t.max_lon >= ${minLon} AND t.min_lat <= ${maxLat} AND t.max_lat >= ${minLat}`,
      );
    }
    if (filter.statuses) where.push(Prisma.sql`t.status IN (${Prisma.join(filter.statuses)})`);
    const whereSql = where.length ? Prisma.sql`WHERE ${Prisma.join(where, ' AND ')}` : Prisma.empty;
    const rows = await this.prisma.$queryRaw<Row[]>`SELECT ${sql.columns} FROM ${sql.from} ${whereSql}
      ORDER BY t.id LIMIT ${filter.limit + 1}`;
    const truncated = rows.length > filter.limit;
    const toFeature = rowToFeature[layer] as (row: Row) => LayerFeature<L>;
    return { features: rows.slice(0, filter.limit).map(toFeature), truncated };
  }

  async getFeature<L extends LayerId>(layer: L, id: number): Promise<LayerFeature<L> | null> {
    const sql = LAYER_SQL[layer];
    const [row] = await this.prisma.$queryRaw<
      Row[]
    >`SELECT ${sql.columns} FROM ${sql.from} WHERE t.id = ${id}`;
    return row ? (rowToFeature[layer] as (row: Row) => LayerFeature<L>)(row) : null;
  }

  async close(): Promise<void> {
    await this.prisma.$disconnect();
  }
}
