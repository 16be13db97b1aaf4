/**
 * Vector tiles from PostGIS: the shared tile SQL selects the rows (GiST prefilter, pixel positions and clusters
 * computed in SQL, the same as SQLite), and ST_AsMVT encodes them in the database, clipping lines and polygons
 * with ST_AsMVTGeom. Each statement selects its row as `n` and `tile`, which a TileRowReader reads: as text through
 * any reader of the store, or as bytes by a COPY on the pool.
 */
import type pg from 'pg';
import { empty, sqltag as sql, type Sql } from '@prisma/client/runtime/client';
import { TILE_BUFFER, TILE_EXTENT } from '../../domain/geo/tile-math';
import { LAYER_SQL } from '../sql/layer-sql';
import type { Row, SqlReader } from '../sql/sql-store';
import {
  columnsOf,
  planTileBeforeCount,
  propertySelect,
  TILE_LAYER_SQL,
  type BboxCondition,
} from '../sql/tile-sql';
import { TILE_POINT_CAP, type TileRequest } from '../tile-request';
import { copyFirstRow } from './copy-first-row';

/**
 * A tile statement's one row read: `n` (the points it counted, or NULL) and `tile` (its MVT bytes, or NULL), from
 * a statement that selects them as `n` (a BIGINT) and `tile` (a BYTEA).
 */
export type TileRowReader = (statement: Sql) => Promise<{ n: number | null; tile: Uint8Array | null }>;

/**
 * Through any reader of the store (a utility's scoped adapter, the replica's routed client), the bytes as base64
 * text (docs/performance.md, "Fix 22"). pg reads every column as a UTF-8 string before its type parser sees it
 * (no binary results), so a bytea arrives as hex, twice its size: decoding that string was 13 % of the app's CPU
 * under z12 load. Base64 is a third smaller, and Buffer.from skips the newlines PostgreSQL puts in it.
 */
export function textTileRows(db: SqlReader): TileRowReader {
  return async (statement) => {
    const [row] = await db.$queryRaw<Row[]>(
      sql`SELECT CAST(s.n AS bigint) AS n, encode(s.tile, 'base64') AS tile FROM (${statement}) s`,
    );
    const text = row?.tile;
    return {
      n: row?.n === null || row?.n === undefined ? null : Number(row.n),
      tile: typeof text === 'string' && text.length > 0 ? Buffer.from(text, 'base64') : null,
    };
  };
}

/**
 * Straight from a pool, the bytes as they are, by a binary COPY (copy-first-row.ts; docs/performance.md, "Fix
 * 23"): neither the database nor the app encodes or decodes them, which was a fifth of the densest z8 tile's time.
 */
export function copyTileRows(pool: pg.Pool): TileRowReader {
  return async (statement) => {
    const row = await copyFirstRow(pool, sql`SELECT CAST(s.n AS bigint) AS n, s.tile FROM (${statement}) s`);
    const [n, tile] = row ?? [null, null];
    return {
      n: n ? Number(n.readBigInt64BE(0)) : null,
      tile: tile && tile.length > 0 ? tile : null,
    };
  };
}

export async function renderPostgisTile(
  read: TileRowReader,
  request: TileRequest,
  bboxCondition: BboxCondition,
): Promise<Uint8Array | null> {
  const { layer, tile } = request;
  const plan = planTileBeforeCount(request, bboxCondition);
  const names = Object.keys(TILE_LAYER_SQL[layer].properties);
  const extent = sql`CAST(${TILE_EXTENT} AS integer)`;
  const mvt = (idColumn: Sql) => sql`ST_AsMVT(q, CAST(${layer} AS text), ${extent}, 'geom'${idColumn})`;
  const envelope = sql`ST_TileEnvelope(CAST(${tile.z} AS integer), CAST(${tile.x} AS integer),
    CAST(${tile.y} AS integer))`;
  const mvtGeom = (geom: Sql) =>
    sql`ST_AsMVTGeom(ST_Transform(${geom}, 3857), ${envelope}, ${extent}, CAST(${TILE_BUFFER} AS integer), true)`;
  const pixelPoint = sql`ST_MakePoint(floor(p.px + 0.5), floor(p.py + 0.5))`;
  const noCount = sql`CAST(NULL AS bigint) AS n`;
  const clusterTile = (clusters: Sql, properties: readonly string[]) =>
    // gx/gy are already pixels of this tile, which is the space ST_AsMVT encodes.
    sql`SELECT ${noCount}, ${mvt(empty)} AS tile FROM (
        SELECT ST_MakePoint(c.gx, c.gy) AS geom, true AS cluster, ${columnsOf('c', properties)} FROM (${clusters}) c
      ) q`;
  let query: Sql;
  switch (plan.kind) {
    case 'empty':
      return null;
    case 'capped': {
      // One statement reads the points once (up to one past the cap), counts them and, under the cap, encodes
      // them in id order; the CASE leaves the encoding out when there are none or too many (then: clusters).
      // A point is drawn at the shared SQL's pixels rounded half up, as SQLite draws it (tile-sql.ts PointsPlan):
      // the rows are the points of the buffered tile already, so nothing is left to clip, and projecting each
      // point again for ST_AsMVTGeom cost a fifth of the statement (docs/performance.md, "Fix 19").
      const cap = sql`CAST(${TILE_POINT_CAP} AS bigint)`;
      const counted = await read(sql`WITH k AS MATERIALIZED (
          SELECT * FROM (${plan.points}) capped LIMIT ${TILE_POINT_CAP + 1}
        )
        SELECT c.n, CASE WHEN c.n BETWEEN 1 AND ${cap} THEN (
          SELECT ${mvt(sql`, 'id'`)} FROM (
            SELECT p.id, ${columnsOf('p', names)}, ${pixelPoint} AS geom FROM k p ORDER BY p.id
          ) q
        ) END AS tile
        FROM (SELECT ${plan.count(sql`SELECT count(*) FROM k`)} AS n) c`);
      if ((counted.n ?? 0) <= TILE_POINT_CAP) return counted.tile;
      const clusters = plan.overCap();
      query = clusterTile(clusters.query, clusters.clusterProperties);
      break;
    }
    case 'clusters':
      query = clusterTile(plan.query, plan.clusterProperties);
      break;
    case 'shapes':
      query = sql`SELECT ${noCount}, ${mvt(sql`, 'id'`)} AS tile FROM (
          SELECT t.id, ${propertySelect(layer)}, ${mvtGeom(sql`t.geom`)} AS geom
          FROM ${LAYER_SQL[layer].source} t WHERE ${plan.where}
        ) q WHERE q.geom IS NOT NULL`;
      break;
  }
  return (await read(query)).tile;
}
