/**
 * The vector-tile SQL both stores share: which rows a tile holds, where they land in the tile's pixel grid, and
 * the grid clusters of low zooms. Both stores run this same SQL (same projection formula, same cells, same
 * rounding), so they agree on every feature and cluster; each store then only encodes the rows (sqlite/mvt-encode.ts in SQLite,
 * ST_AsMVT in PostGIS). Table and column names come from the allow-list below, never from a request.
 */
import { empty, join, raw, sqltag as sql, type Sql } from '@prisma/client/runtime/client';
import {
  LINE_COLUMNS,
  PYLON_COLUMNS,
  REGION_COLUMNS,
  SITE_COLUMNS,
  SUBSTATION_COLUMNS,
  type ColumnTable,
  type LayerId,
} from '@gridwatch/contract';
import type { TileLayerId } from '@gridwatch/contract';
import type { Bbox } from '../../domain/geo/bbox';
import {
  MAX_MERCATOR_LAT,
  TILE_BUFFER,
  TILE_EXTENT,
  tileBounds,
  type TileCoord,
} from '../../domain/geo/tile-math';
import { STATUSES } from '@gridwatch/contract';
import { TILE_POINT_CAP, type TileRequest } from '../tile-request';
import { asOfJoin } from './as-of-sql';
import { filterWhere } from './filter-sql';
import { LAYER_SQL } from './layer-sql';
import { sumTermSql } from './sum-sql';
import type { RawClient, Row } from './sql-store';

export interface TileLayerSql {
  point: boolean;
  /** Tile property name → column of the layer's table: the attributes the map styles, labels and links by. */
  properties: Readonly<Record<string, string>>;
  /** Below this zoom the layer's tiles are empty (too dense to draw, and the map hides the layer there). */
  minZoom: number;
  /** Below this zoom the points are aggregated into clusters (0: only when a tile passes the point cap). */
  clusterBelowZoom: number;
  /** Clusters carry the load and the count of each status, not only the count. */
  clusterLoads: boolean;
}

/** Tile property name → SQL column, for the named columns of a layer's column table. */
function columnsNamed<T extends ColumnTable>(table: T, names: (keyof T & string)[]): Record<string, string> {
  return Object.fromEntries(names.map((name) => [name, table[name]!.sql]));
}

export const TILE_LAYER_SQL: Readonly<Record<TileLayerId, TileLayerSql>> = {
  regions: {
    point: false,
    properties: columnsNamed(REGION_COLUMNS, ['externalId', 'code', 'name', 'nameZh', 'level']),
    minZoom: 0,
    clusterBelowZoom: 0,
    clusterLoads: false,
  },
  substations: {
    point: true,
    properties: columnsNamed(SUBSTATION_COLUMNS, ['externalId', 'name', 'nameZh', 'voltageKv']),
    minZoom: 0,
    clusterBelowZoom: 0,
    clusterLoads: false,
  },
  lines: {
    point: false,
    properties: columnsNamed(LINE_COLUMNS, ['externalId', 'name', 'nameZh', 'voltageKv']),
    minZoom: 0,
    clusterBelowZoom: 0,
    clusterLoads: false,
  },
  pylons: {
    point: true,
    properties: columnsNamed(PYLON_COLUMNS, ['externalId', 'lineId', 'seq']),
    // Pylons sit a few hundred metres apart: below zoom 9 they would be a smear along the lines.
    minZoom: 9,
    clusterBelowZoom: 0,
    clusterLoads: false,
  },
  sites: {
    point: true,
    properties: columnsNamed(SITE_COLUMNS, ['externalId', 'name', 'nameZh', 'status', 'loadMw']),
    minZoom: 0,
    // At zoom 8 a tile is about 110 km across at Xinjiang's latitudes; wider tiles hold whole mining districts.
    clusterBelowZoom: 8,
    clusterLoads: true,
  },
};

/** Clusters are the points of one cell of this many pixels (of the 4096 extent) in the tile's grid. */
export const CLUSTER_CELL_PX = 64;

/** Rows of a point tile: `id`, the layer's properties, `px`/`py` (unrounded pixels) and the store's extras. */
export interface PointsPlan {
  kind: 'points';
  query: Sql;
}

/** Rows of a cluster tile: `gx`/`gy` (rounded pixels) and `clusterProperties`. */
export interface ClustersPlan {
  kind: 'clusters';
  query: Sql;
  clusterProperties: string[];
}

/** Lines and polygons: the rows of the layer's table `t` that meet the buffered tile are selected by `where`. */
export interface ShapesPlan {
  kind: 'shapes';
  where: Sql;
}

export type TilePlan = { kind: 'empty' } | PointsPlan | ClustersPlan | ShapesPlan;

/** The store's index prefilter of a layer by a lon/lat box (R*Tree in SQLite, GiST in PostGIS). */
export type BboxCondition = (layer: LayerId, bbox: Bbox) => Sql;

const float = (v: number): Sql => sql`CAST(${v} AS DOUBLE PRECISION)`;

/**
 * Web Mercator pixels of `t.lon`/`t.lat` in the tile, as `px` and `py`: the same arithmetic on both stores, so
 * a point on a cell or tile edge falls on the same side in each.
 */
function pixelColumns({ z, x, y }: TileCoord): Sql {
  const scale = float(2 ** z * TILE_EXTENT);
  const lat = sql`CASE WHEN t.lat > ${float(MAX_MERCATOR_LAT)} THEN ${float(MAX_MERCATOR_LAT)}
    WHEN t.lat < ${float(-MAX_MERCATOR_LAT)} THEN ${float(-MAX_MERCATOR_LAT)} ELSE t.lat END`;
  return sql`(t.lon + 180.0) / 360.0 * ${scale} - ${float(x * TILE_EXTENT)} AS px,
    (1.0 - ln(tan(pi() / 4.0 + radians(${lat}) / 2.0)) / pi()) / 2.0 * ${scale} - ${float(y * TILE_EXTENT)} AS py`;
}

/** `t.column AS "name"` for each tile property of the layer; `from` replaces some by other (fixed) expressions. */
export function propertySelect(layer: TileLayerId, from: Readonly<Record<string, string>> = {}): Sql {
  const entries = Object.entries(TILE_LAYER_SQL[layer].properties);
  return join(entries.map(([name, column]) => raw(`${from[name] ?? `t.${column}`} AS "${name}"`)));
}

/** `alias."name"` for each given property, to carry a subquery's columns into an outer select. */
export function columnsOf(alias: string, names: readonly string[]): Sql {
  return join(names.map((name) => raw(`${alias}."${name}"`)));
}

/** The index prefilter for a tile and its buffer, widened by a centimetre so float rounding never drops a row. */
function tilePrefilter(layer: TileLayerId, tile: TileCoord, bboxCondition: BboxCondition): Sql {
  const [w, s, e, n] = tileBounds(tile, TILE_BUFFER);
  const margin = 1e-7;
  return bboxCondition(layer, [w - margin, s - margin, e + margin, n + margin]);
}

/**
 * The points of the tile and its buffer: `id`, properties, `px`, `py`, and `extra` columns of `t`. Sites as of a
 * past instant carry (and are filtered by) the status of their record in force then; sites without a record by
 * then are left out, as on the layer route.
 */
function pointsInTile(request: TileRequest, bboxCondition: BboxCondition, extra: Sql): Sql {
  const { layer, tile, at } = request;
  const asOf = layer === 'sites' && at !== undefined;
  const where = filterWhere(
    layer,
    { ...request.filter, limit: 0 },
    tilePrefilter(layer, tile, bboxCondition),
    asOf ? sql`a.to_status` : undefined,
  );
  const properties = asOf ? propertySelect(layer, { status: 'a.to_status' }) : propertySelect(layer);

  const low = float(-TILE_BUFFER);
  const high = float(TILE_EXTENT + TILE_BUFFER);
  return sql`SELECT p.* FROM (
      SELECT t.id, ${properties}, ${pixelColumns(tile)} ${extra}
      FROM ${LAYER_SQL[layer].source} t ${asOf ? asOfJoin(at) : empty}
      ${where}
    ) p
    WHERE p.px >= ${low} AND p.px <= ${high} AND p.py >= ${low} AND p.py <= ${high}`;
}

/** A sum of loads (each term capped: sum-sql.ts) rounded half up to 3 decimals. */
const roundedSum = (value: Sql): Sql => sql`floor(sum(${value}) * 1000.0 + 0.5) / 1000.0`;

/**
 * The grid clusters of a point tile: one per 64-pixel cell (the buffer is one ring of cells, which repeats the
 * neighbours' edge clusters so that symbols are not cut at tile edges), placed at the mean position of its points.
 * Loads are rounded to 3 decimals in SQL so both stores send the same numbers.
 */
function clusters(request: TileRequest, points: Sql): ClustersPlan {
  const names = ['count'];
  const aggregates = [sql`count(*) AS "count"`];
  if (TILE_LAYER_SQL[request.layer].clusterLoads) {
    names.push('loadMw');
    aggregates.push(sql`${roundedSum(sumTermSql(sql`c."loadMw"`))} AS "loadMw"`);
    for (const status of STATUSES) {
      names.push(`count_${status}`, `loadMw_${status}`);
      aggregates.push(
        sql`sum(CASE WHEN c.status = ${status} THEN 1 ELSE 0 END) AS ${raw(`"count_${status}"`)}`,
        sql`${roundedSum(sql`CASE WHEN c.status = ${status} THEN ${sumTermSql(sql`c."loadMw"`)} ELSE 0.0 END`)}
          AS ${raw(`"loadMw_${status}"`)}`,
      );
    }
  }
  const cell = float(CLUSTER_CELL_PX);
  const query = sql`SELECT floor(avg(c.px) + 0.5) AS gx, floor(avg(c.py) + 0.5) AS gy, ${join(aggregates)}
    FROM (SELECT q.*, floor(q.px / ${cell}) AS cx, floor(q.py / ${cell}) AS cy FROM (${points}) q) c
    GROUP BY c.cx, c.cy
    ORDER BY c.cy, c.cx`;
  return { kind: 'clusters', query, clusterProperties: names };
}

/**
 * Decides what a tile holds: nothing (below the layer's zoom range, or no points), its points, their clusters
 * (low zooms, or more points than the cap), or the lines or polygons that meet it. `extra` adds columns of `t` a
 * store needs to encode points (PostGIS: the geometry).
 */
export async function planTile(
  db: RawClient,
  request: TileRequest,
  bboxCondition: BboxCondition,
  extra: Sql = empty,
): Promise<TilePlan> {
  const config = TILE_LAYER_SQL[request.layer];
  const { z } = request.tile;
  if (z < config.minZoom) return { kind: 'empty' };
  if (!config.point) {
    return { kind: 'shapes', where: tilePrefilter(request.layer, request.tile, bboxCondition) };
  }
  const points = pointsInTile(request, bboxCondition, extra);
  if (z < config.clusterBelowZoom) return clusters(request, points);
  const [row] = await db.$queryRaw<Row[]>(
    sql`SELECT count(*) AS n FROM (SELECT 1 AS one FROM (${points}) k LIMIT ${TILE_POINT_CAP + 1}) capped`,
  );
  const count = Number(row?.n ?? 0);
  if (count === 0) return { kind: 'empty' };
  if (count > TILE_POINT_CAP) return clusters(request, points);
  return { kind: 'points', query: sql`${points} ORDER BY p.id` };
}

/** The tile properties of a row as a tile feature carries them: drivers' bigints as numbers, nulls left out. */
export function tagsOf(row: Row, names: readonly string[]): Record<string, string | number | boolean> {
  const tags: Record<string, string | number | boolean> = {};
  for (const name of names) {
    const value = row[name];
    if (value === null || value === undefined) continue;
    tags[name] = typeof value === 'bigint' ? Number(value) : (value as string | number | boolean);
  }
  return tags;
}
