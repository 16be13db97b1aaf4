import pg from 'pg';
import { postgisReadingsInsert } from '../sql/readings-sql';
import type { ReadingRows } from '../ports/readings';
import { PrismaPg } from '@prisma/adapter-pg';
import { empty, join, sqltag as sql, type Sql } from '@prisma/client/runtime/client';
import type { LayerId } from '@gridwatch/contract';
import type { MultiPolygon, Polygon } from 'geojson';
import type { Bbox } from '../../domain/geo/bbox';
import { STATUSES, type Status } from '@gridwatch/contract';
import { rowToFeature } from '../feature-rows';
import { LAYER_SQL } from '../sql/layer-sql';
import type {
  LayerFeature,
  LayerFilter,
  LayerJsonCopy,
  PointLayerId,
  SiteJson,
  SitesJsonCopy,
} from '../store';
import { filterWhere } from '../sql/filter-sql';
import { featureJsonSelect } from '../sql/feature-json-sql';
import { termWattsSql } from '../sql/sum-sql';
import { readFeature } from '../sql/read-feature';
import { readFromPrimary, scopeUtility } from '../scope';
import { copyLayerJson, copySitesJson, type CopyLayout } from './copy-layer-json';
import type { SeedData } from '@gridwatch/contract';
import type { Db } from '../records/db';
import { SqlStore, type Row, type SqlReader } from '../sql/sql-store';
import { PrismaClient } from './generated/client';
import { loadSeedPostgis } from './load-seed';
import { applyPostgisMigrations } from './migrate';
import { copyTileRows, renderPostgisTile, textTileRows, type TileRowReader } from './postgis-tiles';
import type { TileRequest } from '../tile-request';
import { fileRegionMembersIfMissing } from '../sql/region-members-sql';
import { withRowLevelSecurity } from './scoped-adapter';
import { Replica } from './replica';
import { pgSql } from './pool-client';
import { poolImportClient } from './pool-import-client';
import type { ImportClient } from '../sql/import-sql';
import { poolConfig } from './pool-settings';

/** The sites `t` inside the polygon or on its boundary, with one of `statuses` if any. */
function coveredSql(geometry: Polygon | MultiPolygon, statuses: Status[] | null): Sql {
  const statusSql = statuses ? sql`AND t.status IN (${join(statuses)})` : empty;
  const area = sql`ST_SetSRID(ST_GeomFromGeoJSON(${JSON.stringify(geometry)}::text), 4326)`;
  return sql`ST_Covers(${area}, t.geom) ${statusSql}`;
}

/**
 * The primary's client, or the replica's for the queries of a request that may read from it (store/scope.ts,
 * http/read-routing.ts): every query of the store picks its database here.
 */
function routedClient(primary: PrismaClient, replica: Replica | null): PrismaClient {
  if (!replica) return primary;
  return new Proxy(primary, {
    get(_target, prop) {
      const client = replica.chosen() ? replica.prisma : primary;
      const value: unknown = Reflect.get(client, prop, client);
      return typeof value === 'function' ? value.bind(client) : value;
    },
  });
}

export interface OpenPostgisOptions {
  /** Loaded when the database holds no data yet (first start). */
  seed?: () => SeedData;
  poolSize?: number;
  /** A streaming replica for the read routes (DATABASE_REPLICA_URL). */
  replica?: { url: string; maxLagMs: number } | null;
}

/** Opens the pool (warmed), applies the migrations and loads the seed into an empty database. */
export async function openPostgisStore(url: string, options: OpenPostgisOptions = {}): Promise<PostgisStore> {
  const pool = new pg.Pool(poolConfig(url, options.poolSize ?? 8));
  // An idle connection that the server drops (a restart, an admin) must not crash the process: the pool
  // discards it and the next request connects anew.
  pool.on('error', () => {});
  // So must one that drops while checked out (inside a transaction): without a listener its 'error' event is
  // an uncaught exception that ends the process. The query in flight fails on its own and answers 503.
  pool.on('connect', (client) => client.on('error', () => {}));
  const client = await pool.connect();
  let seeded = false;
  try {
    await applyPostgisMigrations(client);
    const { rows } = await client.query<{ empty: boolean }>(
      'SELECT NOT EXISTS (SELECT 1 FROM regions) AND NOT EXISTS (SELECT 1 FROM sites) AS empty',
    );
    if (rows[0]?.empty && options.seed) {
      await loadSeedPostgis(client, options.seed());
      seeded = true;
    }
  } finally {
    client.release();
  }
  // Warm the pool so the first requests do not pay for connecting.
  const warm = await Promise.all(
    Array.from({ length: Math.min(2, options.poolSize ?? 8) }, () => pool.connect()),
  );
  for (const c of warm) c.release();
  const prisma = new PrismaClient({ adapter: withRowLevelSecurity(new PrismaPg(pool)) });
  await prisma.$connect();
  await fileRegionMembersIfMissing(prisma);
  const replica = options.replica
    ? new Replica(options.replica.url, pool, options.replica.maxLagMs, options.poolSize ?? 8)
    : null;
  await replica?.probe();
  const store = new PostgisStore(routedClient(prisma, replica), pool, replica);
  await store.fillDerivedData();
  // A seed comes in id order and its derived fills rewrite every site: order the rows by place once, before
  // the first request (the lock CLUSTER takes would stall reads later).
  if (seeded) await store.clusterByPlace();
  return store;
}

export class PostgisStore extends SqlStore {
  readonly backend = 'postgis' as const;

  constructor(
    readonly prisma: PrismaClient,
    private readonly pool: pg.Pool,
    private readonly replica: Replica | null = null,
  ) {
    // Same schema, same model API: the record repositories take it as the SQLite client's type (records/db.ts).
    super(prisma, prisma as unknown as Db);
    this.poolReader = pgSql(pool);
    this.poolImports = poolImportClient(pool);
    this.poolTiles = copyTileRows(pool);
  }

  private readonly poolReader: SqlReader;
  private readonly poolImports: ImportClient;
  private readonly poolTiles: TileRowReader;

  /**
   * Straight to the pool, past Prisma: row-level security binds only a utility's requests (scoped-adapter.ts), and
   * these reads run outside one. Prisma's own cost per query was most of the aggregate's hotspot read (12 ms of
   * store call against 4.5 ms of the same SQL with pg, docs/performance.md "Fix 9"; of a z12 tile's, "Fix 15").
   * With a replica the routed client keeps the choice of database.
   */
  protected override unscopedReader(): SqlReader {
    return this.replica ? super.unscopedReader() : this.poolReader;
  }

  /**
   * Whether this request's reads may take a connection of the pool themselves (a COPY): not a utility's user,
   * whose row-level security binds only in the scoped adapter's transactions (scoped-adapter.ts), and not with a
   * replica, whose choice the routed client makes per query.
   */
  private readsPoolDirectly(): boolean {
    return !this.replica && scopeUtility() === null;
  }

  protected override importClient(): ImportClient {
    return scopeUtility() === null ? this.poolImports : super.importClient();
  }

  /**
   * The layer's texts in one COPY (copy-layer-json.ts), straight from the pool, where readsPoolDirectly: for a
   * utility's user the shared SQL scopes the rows (SCOPED), but row-level security, the second guard, would be
   * skipped. Those, and reads with a replica, page.
   */
  override copyLayerJson(
    layer: PointLayerId,
    filter: Omit<LayerFilter, 'limit' | 'afterId' | 'beforeId'>,
    chunkBytes: number,
  ): LayerJsonCopy | null {
    return this.copyFeatures(layer, filter, chunkBytes, { kind: 'lines' });
  }

  /** copyLayerJson's statement cut at the page's limit (copy-layer-json.ts), its rows joined by ",". */
  override copyLayerPage(layer: PointLayerId, filter: LayerFilter, chunkBytes: number): LayerJsonCopy | null {
    if (filter.beforeId !== undefined) return null;
    return this.copyFeatures(layer, filter, chunkBytes, { kind: 'page', limit: filter.limit });
  }

  private copyFeatures(
    layer: PointLayerId,
    filter: Omit<LayerFilter, 'limit'>,
    chunkBytes: number,
    layout: CopyLayout,
  ): LayerJsonCopy | null {
    if (!this.readsPoolDirectly()) return null;
    const where = filterWhere(layer, filter, filter.bbox ? this.bboxCondition(layer, filter.bbox) : null);
    const features = this.copiedFeaturesSql(layer, where);
    return copyLayerJson(this.pool, features, this.renderFeature(layer), chunkBytes, layout);
  }

  /**
   * The rows a COPY of feature texts reads (copy-layer-json.ts): each feature's text, its load term in whole
   * watts (sites; as the sums of sum-sql.ts count it, the other layers sum nothing) and `extra` columns, by id.
   */
  private copiedFeaturesSql(layer: PointLayerId, where: Sql, extra: Sql = empty): Sql {
    const term = layer === 'sites' ? termWattsSql(sql`t.load_mw`) : sql`CAST(NULL AS float8)`;
    return sql`SELECT ${featureJsonSelect(this.backend, layer)}, ${term} AS term ${extra}
      FROM ${LAYER_SQL[layer].from} ${where} ORDER BY t.id`;
  }

  /**
   * Rewrites the sites in the order of their spatial index (migration 0024, docs/storage.md "Rows in
   * the order of place"), so the rows of a tile or a box share heap pages: at 1M sites a z12 tile's ~1,000 rows
   * lay on ~1,000 pages, and on ~90 after (docs/performance.md, "Fix 15"). CLUSTER holds an exclusive lock on
   * the table while it runs (15 s for a million sites): after a seed, or by an operator after large imports
   * (`npm run admin -- cluster`). No data changes, so the data versions and the ETags stay.
   */
  override async clusterByPlace(): Promise<boolean> {
    const client = await this.pool.connect();
    try {
      // USING, not the mark of migration 0024 alone: an operator's CLUSTER … USING another index moves the mark.
      await client.query('CLUSTER sites USING sites_geom_idx');
      await client.query('ANALYZE sites');
    } finally {
      client.release();
    }
    return true;
  }

  /**
   * A tile's bytes by a binary COPY on the pool (postgis-tiles.ts copyTileRows), or as text through the reader
   * that binds a utility's row-level security or keeps the replica's choice (readsPoolDirectly).
   */
  tile(request: TileRequest): Promise<Uint8Array | null> {
    const read = this.readsPoolDirectly() ? this.poolTiles : textTileRows(this.scopedReader());
    return renderPostgisTile(read, request, (layer, bbox) => this.bboxCondition(layer, bbox));
  }

  /**
   * `&&` through the GiST index on geom, then the exact test on the row's own columns (edges included), as
   * SQLite does: `&&` compares boxes of 32-bit floats rounded outwards, which at these longitudes take in rows up
   * to ~8e-6° outside the box (a site 4.5e-6° below a box's edge was in our answer and not in MapServer's).
   */
  protected bboxCondition(layer: LayerId, [minLon, minLat, maxLon, maxLat]: Bbox): Sql {
    const prefilter = sql`t.geom && ST_MakeEnvelope(${minLon}::float8, ${minLat}::float8, ${maxLon}::float8, ${maxLat}::float8, 4326)`;
    const exact = LAYER_SQL[layer].point
      ? sql`t.lon BETWEEN ${minLon}::float8 AND ${maxLon}::float8 AND t.lat BETWEEN ${minLat}::float8 AND ${maxLat}::float8`
      : sql`t.min_lon <= ${maxLon}::float8 AND t.max_lon >= ${minLon}::float8 AND t.min_lat <= ${maxLat}::float8 AND t.max_lat >= ${minLat}::float8`;
    return sql`${prefilter} AND ${exact}`;
  }

  /**
   * ST_DWithin on geography with use_spheroid = false, through the GiST index. PostGIS's sphere is not exactly
   * DOMAIN.md's, so it gets a metre of slack; the exact haversine test follows.
   */
  protected nearCondition(_layer: 'sites' | 'substations', lon: number, lat: number, radiusKm: number): Sql {
    const point = sql`ST_SetSRID(ST_MakePoint(${lon}::float8, ${lat}::float8), 4326)::geography`;
    return sql`ST_DWithin(t.geog, ${point}, ${radiusKm * 1000 + 1}::float8, false)`;
  }

  protected readingsInsert(rows: ReadingRows, from: number, to: number): Sql {
    return postgisReadingsInsert(rows, from, to);
  }

  protected pairCondition(radiusKm: number): Sql {
    return sql`ST_DWithin(t.geog, s.geog, ${radiusKm * 1000 + 1}::float8, false)`;
  }

  protected lineCondition(line: LayerFeature<'lines'>, widthKm: number): Sql {
    return sql`ST_DWithin(t.geog, (SELECT geog FROM lines WHERE id = ${line.id}), ${widthKm * 1000 + 1}::float8, false)`;
  }

  /** ST_Covers on geometry: straight lon/lat edges (as RFC 7946 draws them), the boundary counted as inside. */
  async sitesInPolygon(
    geometry: Polygon | MultiPolygon,
    statuses: Status[] | null,
  ): Promise<LayerFeature<'sites'>[]> {
    const { columns, from } = LAYER_SQL.sites;
    const statusSql = statuses ? sql`AND t.status IN (${join(statuses)})` : empty;
    const area = sql`ST_SetSRID(ST_GeomFromGeoJSON(${JSON.stringify(geometry)}::text), 4326)`;
    const rows = await this.prisma.$queryRaw<Row[]>(sql`SELECT ${columns} FROM ${from}
      WHERE ST_Covers(${area}, t.geom) ${statusSql} ORDER BY t.id`);
    return rows.map(rowToFeature.sites);
  }

  async sitesInPolygonJson(geometry: Polygon | MultiPolygon, statuses: Status[] | null): Promise<SiteJson[]> {
    const rows = await this.prisma.$queryRaw<Row[]>(
      sql`SELECT ${this.siteJsonColumns()} FROM ${LAYER_SQL.sites.from}
        WHERE ${coveredSql(geometry, statuses)} ORDER BY t.id`,
    );
    return this.siteJsons(rows);
  }

  /** sitesInPolygonJson's sites in one COPY (copy-layer-json.ts), where readsPoolDirectly (see copyLayerJson). */
  override copySitesInPolygon(
    geometry: Polygon | MultiPolygon,
    statuses: Status[] | null,
    chunkBytes: number,
  ): SitesJsonCopy | null {
    if (!this.readsPoolDirectly()) return null;
    const where = sql`WHERE ${coveredSql(geometry, statuses)}`;
    const features = this.copiedFeaturesSql('sites', where, sql`, t.status AS grp`);
    const tallyBy = statuses ?? STATUSES;
    return copySitesJson(this.pool, features, tallyBy, this.renderFeature('sites'), chunkBytes);
  }

  /** A copied row the database does not write as JavaScript would (feature-json-sql.ts), made here as queryLayerJson does. */
  private renderFeature(layer: PointLayerId): (id: number) => Promise<string> {
    return async (id) => JSON.stringify(await readFeature(this.db, layer, id));
  }

  /** The primary's WAL position now: after a write commits, the position a replica must replay to show it. */
  override async writePosition(): Promise<string | null> {
    if (!this.replica) return null;
    const { rows } = await this.pool.query<{ lsn: string }>('SELECT pg_current_wal_lsn()::text AS lsn');
    return rows[0]?.lsn ?? null;
  }

  override readsReplica(): boolean {
    return this.replica?.chosen() ?? false;
  }

  override replicaFailedRead(): void {
    this.replica?.markDown();
    readFromPrimary();
  }

  override replicaState(): { usable: boolean; lagMs: number | null } | null {
    return this.replica?.state() ?? null;
  }

  override async close(): Promise<void> {
    await super.close();
    await this.replica?.close();
    await this.pool.end();
  }
}
