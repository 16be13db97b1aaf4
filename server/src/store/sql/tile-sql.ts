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
import { scopeUtility } from '../scope';
import { TILE_POINT_CAP, type TileRequest } from '../tile-request';
import { asOfJoin } from './as-of-sql';
import { cellClusterRows, CELL_MAX_ZOOM, sitesInTileCells } from './cluster-cells-sql';
import { bigint, clusterQuery, pointClusterRows, worldPixelColumns } from './cluster-sql';
import { filterWhere } from './filter-sql';
import { LAYER_SQL } from './layer-sql';
import type { Row, SqlReader } from './sql-store';

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

/**
 * Rows of a point tile: `id`, the layer's properties, `px`/`py` (unrounded pixels). Each store draws a point at
 * its pixels rounded half up (`floor(p + 0.5)`, JavaScript's Math.round), so both stores place it alike.
 */
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
 * The points of the tile and its buffer: `id`, properties, `px`, `py` (and for clusters `wx`, `wy`:
 * cluster-sql.ts). Sites as of a past instant carry (and are filtered by) the status of their record in force
 * then; sites without a record by then are left out, as on the layer route. `inBuffer` false leaves the pixel test
 * to the clusters (which keep whole cells: cluster-sql.ts), the index prefilter holding every point they keep.
 */
function pointsInTile(request: TileRequest, bboxCondition: BboxCondition, inBuffer = true): Sql {
  const { layer, tile, at } = request;
  const asOf = layer === 'sites' && at !== undefined;
  const where = filterWhere(
    layer,
    request.filter,
    tilePrefilter(layer, tile, bboxCondition),
    asOf ? sql`a.to_status` : undefined,
  );
  const properties = asOf ? propertySelect(layer, { status: 'a.to_status' }) : propertySelect(layer);

  const low = float(-TILE_BUFFER);
  const high = float(TILE_EXTENT + TILE_BUFFER);
  const buffer = inBuffer
    ? sql`WHERE p.px >= ${low} AND p.px <= ${high} AND p.py >= ${low} AND p.py <= ${high}`
    : empty;
  return sql`SELECT p.* FROM (
      SELECT t.id, ${properties}, ${pixelColumns(tile)} ${inBuffer ? empty : sql`, ${worldPixelColumns()}`}
      FROM ${LAYER_SQL[layer].source} t ${asOf ? asOfJoin(at) : empty}
      ${where}
    ) p
    ${buffer}`;
}

/**
 * The grid clusters of a point tile (cluster-sql.ts): of the sites' cluster cells when they can answer — the
 * sites layer at z ≤ CELL_MAX_ZOOM, unfiltered, now, for an unscoped request (the cells hold every live site) —
 * else of the points themselves.
 */
function clusters(request: TileRequest, bboxCondition: BboxCondition): ClustersPlan {
  const { layer, tile } = request;
  const loads = TILE_LAYER_SQL[layer].clusterLoads;
  const rows = fromCells(request)
    ? cellClusterRows(tile)
    : pointClusterRows(pointsInTile(request, bboxCondition, false), tile.z, loads);
  return { kind: 'clusters', ...clusterQuery(tile, rows, loads) };
}

/** Whether the cluster cells answer this request's clusters (they hold all live sites, unfiltered, now). */
function fromCells(request: TileRequest): boolean {
  return (
    request.layer === 'sites' &&
    request.tile.z <= CELL_MAX_ZOOM &&
    request.at === undefined &&
    request.liveClusters !== true &&
    Object.values(request.filter).every((value) => value === undefined) &&
    scopeUtility() === null
  );
}

/**
 * A point tile before its points are counted: `points` are its rows in no order (pointsInTile), `overCap` the
 * clusters it is drawn as when they pass TILE_POINT_CAP.
 */
export interface CappedPointsPlan {
  kind: 'capped';
  points: Sql;
  overCap: () => ClustersPlan;
  /**
   * The number of points to decide by, as an SQL expression, up to TILE_POINT_CAP + 1 (over the cap: clusters),
   * given the statement that counts them (at most one past the cap). Where the cluster cells answer the tile's
   * clusters, the sites of the tile's own cells are read first, and over the cap the points are not counted
   * (cappedCount).
   */
  count: (counted: Sql) => Sql;
}

/**
 * What a tile holds, as far as it is known without reading: nothing (below the layer's zoom range), clusters (low
 * zooms), the lines or polygons that meet it, or points to count first (CappedPointsPlan).
 */
export function planTileBeforeCount(
  request: TileRequest,
  bboxCondition: BboxCondition,
): Exclude<TilePlan, PointsPlan> | CappedPointsPlan {
  const config = TILE_LAYER_SQL[request.layer];
  const { z } = request.tile;
  if (z < config.minZoom) return { kind: 'empty' };
  if (!config.point) {
    return { kind: 'shapes', where: tilePrefilter(request.layer, request.tile, bboxCondition) };
  }
  if (z < config.clusterBelowZoom) return clusters(request, bboxCondition);
  return {
    kind: 'capped',
    points: pointsInTile(request, bboxCondition),
    overCap: () => clusters(request, bboxCondition),
    count: (counted) =>
      fromCells(request) && z === CELL_MAX_ZOOM
        ? cappedCount(sitesInTileCells(request.tile), counted)
        : sql`(${counted})`,
  };
}

/**
 * Decides what a tile holds: nothing (below the layer's zoom range, or no points), its points, their clusters
 * (low zooms, or more points than the cap), or the lines or polygons that meet it, counting the points in a
 * statement of their own (PostGIS counts and encodes in one: postgis-tiles.ts).
 */
export async function planTile(
  db: SqlReader,
  request: TileRequest,
  bboxCondition: BboxCondition,
): Promise<TilePlan> {
  const plan = planTileBeforeCount(request, bboxCondition);
  if (plan.kind !== 'capped') return plan;
  const counted = sql`SELECT count(*) FROM (SELECT 1 AS one FROM (${plan.points}) k LIMIT ${TILE_POINT_CAP + 1}) capped`;
  const [row] = await db.$queryRaw<Row[]>(sql`SELECT ${plan.count(counted)} AS n`);
  const count = Number(row?.n ?? 0);
  if (count === 0) return { kind: 'empty' };
  if (count > TILE_POINT_CAP) return plan.overCap();
  return { kind: 'points', query: sql`${plan.points} ORDER BY p.id` };
}

/**
 * `counted` (a statement counting a tile's points up to one past the cap), unless `sure` (a count of sites the
 * tile surely holds) is over the cap already: then one past the cap, and `counted` is not run (a CASE evaluates
 * its branches' subqueries only when it takes them, on both stores).
 */
function cappedCount(sure: Sql, counted: Sql): Sql {
  const overCap = bigint(TILE_POINT_CAP + 1);
  return sql`CASE WHEN (${sure}) >= ${overCap} THEN ${overCap} ELSE (${counted}) END`;
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
