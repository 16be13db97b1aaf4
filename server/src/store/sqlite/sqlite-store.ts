import { mkdirSync } from 'node:fs';
import { sqliteReadingsInsert } from '../sql/readings-sql';
import type { ReadingRows } from '../ports/readings';
import path from 'node:path';
import Database from 'better-sqlite3';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { empty, join, raw, sqltag as sql, type Sql } from '@prisma/client/runtime/client';
import type { LayerId } from '@gridwatch/contract';
import type { MultiPolygon, Polygon } from 'geojson';
import { bboxOfCoordinates, type Bbox } from '../../domain/geo/bbox';
import { EARTH_RADIUS_KM } from '../../domain/geo/haversine';
import { preparePointInPolygon } from '../../domain/geo/point-in-polygon';
import { expandBboxKm, radiusBbox } from '../../domain/geo/radius-bbox';
import type { Status } from '@gridwatch/contract';
import { rowToFeature } from '../feature-rows';
import type { LayerFeature, SiteJson } from '../store';
import type { SeedData } from '@gridwatch/contract';
import { LAYER_SQL } from '../sql/layer-sql';
import { SqlStore, type Row } from '../sql/sql-store';
import { PrismaClient } from './generated/client';
import { loadSeedSqlite } from './load-seed';
import { applySqliteMigrations } from './migrate';
import { renderSqliteTile } from './sqlite-tiles';
import type { TileRequest } from '../tile-request';
import { fileRegionMembersIfMissing } from '../sql/region-members-sql';
import type { ImportTx } from '../sql/import-client';
import type { RawClient } from '../sql/sql-store';
import { defaultReaderCount, SqliteReaders, SqliteWriter, type TransactionOptions } from './sqlite-threads';
import { withWriteLock, WriteLock } from './write-lock';

export interface OpenSqliteOptions {
  /** Loaded when the database holds no data yet (first start). */
  seed?: () => SeedData;
  /** Reader threads (GRIDWATCH_SQLITE_READERS); by default one per core. */
  readers?: number;
}

/**
 * How long a main-connection transaction may wait for the write lock (Prisma's maxWait, 2 s by default): as
 * long as an import may hold it (import-sql.ts), so a write made during an import waits for it, then runs.
 */
const MAX_WAIT_FOR_WRITE_LOCK_MS = 10 * 60_000;

/**
 * Opens (creating, migrating and, when empty, seeding) the SQLite file. Migrations and the bulk seed go through
 * the driver before the Prisma client connects. After that the records go through Prisma on the main
 * connection, the store's SQL reads through the reader threads and an import's transaction through the writer
 * thread (sqlite-threads.ts), Prisma's writes and the writer's taking turns (write-lock.ts).
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
  const lock = new WriteLock();
  const prisma = new PrismaClient({
    adapter: withWriteLock(new PrismaBetterSqlite3({ url: `file:${file}`, timeout: 5000 }), lock),
    transactionOptions: { maxWait: MAX_WAIT_FOR_WRITE_LOCK_MS },
  });
  await prisma.$connect();
  await prisma.$executeRaw`PRAGMA foreign_keys = ON`;
  await fileRegionMembersIfMissing(prisma);
  // An in-memory database exists only on its one connection: everything stays on the main thread.
  const store =
    file === ':memory:'
      ? new SqliteStore(prisma)
      : new SqliteStore(
          prisma,
          new ThreadedClient(
            prisma,
            new SqliteReaders(file, options.readers ?? defaultReaderCount()),
            new SqliteWriter(file, lock),
          ),
        );
  await store.fillDerivedData();
  return store;
}

/**
 * The store's raw SQL client on SQLite (docs/storage.md, "How SQLite queries run"): reads on the reader
 * threads, an import's transaction on the writer thread, nothing long on the event loop. The records (users,
 * sessions, zones, status changes) stay with Prisma on the main connection: short statements by the key.
 */
class ThreadedClient implements RawClient {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly readers: SqliteReaders,
    private readonly writer: SqliteWriter,
  ) {}

  $queryRaw<T = unknown>(query: Sql): Promise<T> {
    return this.readers.query<T>(query);
  }

  $executeRaw(query: Sql): Promise<number> {
    return this.prisma.$executeRaw(query);
  }

  $transaction<T>(fn: (tx: ImportTx) => Promise<T>, options?: TransactionOptions): Promise<T> {
    return this.writer.transaction(fn, options);
  }

  async $disconnect(): Promise<void> {
    await Promise.all([this.readers.close(), this.writer.close()]);
    await this.prisma.$disconnect();
  }
}

export class SqliteStore extends SqlStore {
  readonly backend = 'sqlite' as const;

  constructor(
    readonly prisma: PrismaClient,
    db: RawClient = prisma,
  ) {
    super(db, prisma);
  }

  tile(request: TileRequest): Promise<Uint8Array | null> {
    return renderSqliteTile(this.db, request, (layer, bbox) => this.bboxCondition(layer, bbox));
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

  protected nearCondition(layer: 'sites' | 'substations', lon: number, lat: number, radiusKm: number): Sql {
    const [minLon, minLat, maxLon, maxLat] = radiusBbox(lon, lat, radiusKm);
    return sql`t.id IN (SELECT id FROM ${raw(`${layer}_rtree`)} WHERE min_lon <= ${maxLon} AND max_lon >= ${minLon}
      AND min_lat <= ${maxLat} AND max_lat >= ${minLat})`;
  }

  /** The box of each substation's circle, computed per row as radiusBbox does, with slack for 32-bit boxes. */
  protected readingsInsert(rows: ReadingRows, from: number, to: number): Sql {
    return sqliteReadingsInsert(rows, from, to);
  }

  protected pairCondition(radiusKm: number): Sql {
    const angular = radiusKm / EARTH_RADIUS_KM;
    const dLat = (angular * 180) / Math.PI + 1e-4;
    const dLon = sql`(degrees(asin(min(1.0, ${Math.sin(angular)} / cos(radians(s.lat))))) + 1e-4)`;
    return sql`t.id IN (SELECT id FROM sites_rtree WHERE min_lon <= s.lon + ${dLon} AND max_lon >= s.lon - ${dLon}
      AND min_lat <= s.lat + ${dLat} AND max_lat >= s.lat - ${dLat})`;
  }

  /** The line's box grown by the width, through the R*Tree. */
  protected lineCondition(line: LayerFeature<'lines'>, widthKm: number): Sql {
    const box = expandBboxKm(
      bboxOfCoordinates((line.geometry as { coordinates: unknown }).coordinates),
      widthKm,
    );
    return this.bboxCondition('sites', box);
  }

  /** R*Tree candidates in the polygon's box, then the exact point-in-polygon test (straight lon/lat edges). */
  async sitesInPolygon(
    geometry: Polygon | MultiPolygon,
    statuses: Status[] | null,
  ): Promise<LayerFeature<'sites'>[]> {
    const { columns, from } = LAYER_SQL.sites;
    const [minLon, minLat, maxLon, maxLat] = bboxOfCoordinates(geometry.coordinates);
    const statusSql = statuses ? sql`AND t.status IN (${join(statuses)})` : empty;
    const rows = await this.db.$queryRaw<Row[]>(sql`SELECT ${columns} FROM ${from}
      WHERE ${this.bboxCondition('sites', [minLon, minLat, maxLon, maxLat])} ${statusSql} ORDER BY t.id`);
    const inside = preparePointInPolygon(geometry);
    return rows
      .map(rowToFeature.sites)
      .filter((f) => inside(f.geometry.type === 'Point' ? f.geometry.coordinates : []));
  }

  async sitesInPolygonJson(geometry: Polygon | MultiPolygon, statuses: Status[] | null): Promise<SiteJson[]> {
    const [minLon, minLat, maxLon, maxLat] = bboxOfCoordinates(geometry.coordinates);
    const statusSql = statuses ? sql`AND t.status IN (${join(statuses)})` : empty;
    const rows = await this.db.$queryRaw<
      Row[]
    >(sql`SELECT ${this.siteJsonColumns()}, t.lon AS lon, t.lat AS lat
      FROM ${LAYER_SQL.sites.from}
      WHERE ${this.bboxCondition('sites', [minLon, minLat, maxLon, maxLat])} ${statusSql} ORDER BY t.id`);
    const inside = preparePointInPolygon(geometry);
    return this.siteJsons(rows.filter((row) => inside([Number(row.lon), Number(row.lat)])));
  }
}
