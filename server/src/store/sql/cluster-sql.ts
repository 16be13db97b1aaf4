/**
 * The grid clusters of a point tile, one calculation for both of their sources: the points themselves (one row
 * each) or the sites' pre-aggregated cluster cells (cluster-cells-sql.ts, one row per cell and status). Positions
 * are whole pixels of zoom 23's world and loads whole kW, so every sum is an exact integer and any grouping of
 * the same sites adds up to the same cluster: the cells' clusters equal the sites' own, on both stores.
 */
import { empty, join, raw, sqltag as sql, type Sql } from '@prisma/client/runtime/client';
import { STATUSES, type Status } from '@gridwatch/contract';
import { MAX_MERCATOR_LAT, TILE_EXTENT, type TileCoord } from '../../domain/geo/tile-math';
import { sumTermSql } from './sum-sql';

/** Clusters are the points of one cell of this many pixels (of the 4096 extent) in the tile's grid. */
export const CLUSTER_CELL_PX = 64;

/**
 * The zoom whose world pixels the positions are summed in: 2^23 · 4096 = 2^35 pixels around the world, finer
 * than any tile's pixel (MAX_TILE_ZOOM 22), and a million positions sum to < 2^55, far inside a BIGINT.
 */
export const WORLD_ZOOM = 23;

/** A whole number as SQL BIGINT literal (not a parameter: PostgreSQL would type it as it pleases). */
export function bigint(value: number): Sql {
  if (!Number.isSafeInteger(value)) throw new Error(`not a safe integer: ${value}`);
  return raw(`CAST(${value} AS BIGINT)`);
}

const float = (v: number): Sql => sql`CAST(${v} AS DOUBLE PRECISION)`;

/**
 * The point `t`'s position in whole pixels of WORLD_ZOOM's world, as `wx` and `wy` (rounded half up), by the
 * tile's own Web Mercator arithmetic (tile-sql.ts): the same SQL fills the cells, keeps them and clusters points.
 */
export function worldPixelColumns(): Sql {
  const scale = float(2 ** WORLD_ZOOM * TILE_EXTENT);
  const lat = sql`CASE WHEN t.lat > ${float(MAX_MERCATOR_LAT)} THEN ${float(MAX_MERCATOR_LAT)}
    WHEN t.lat < ${float(-MAX_MERCATOR_LAT)} THEN ${float(-MAX_MERCATOR_LAT)} ELSE t.lat END`;
  return sql`CAST(floor((t.lon + 180.0) / 360.0 * ${scale} + 0.5) AS BIGINT) AS wx,
    CAST(floor((1.0 - ln(tan(pi() / 4.0 + radians(${lat}) / 2.0)) / pi()) / 2.0 * ${scale} + 0.5) AS BIGINT) AS wy`;
}

/** A load in whole kW as every cluster sums it: capped as every sum (sum-sql.ts), rounded half up. */
export const loadKwSql = (loadMw: Sql): Sql =>
  sql`CAST(floor(${sumTermSql(loadMw)} * 1000.0 + 0.5) AS BIGINT)`;

/** World pixels of WORLD_ZOOM per world pixel of zoom z. */
const worldPixelsPerPixel = (z: number): number => 2 ** (WORLD_ZOOM - z);

/** World pixels of WORLD_ZOOM per cluster cell of zoom z: `wx / this` is the cell's column in zoom z's grid. */
export const worldPixelsPerCell = (z: number): number => worldPixelsPerPixel(z) * CLUSTER_CELL_PX;

/**
 * Rows to cluster: `cx`, `cy` (cells of zoom z's world grid), `n` (points), `sx`, `sy` (sums of world pixels),
 * and with loads `kw` (the sum of kW) and per status the count and kW of its points (`statusColumn`), each a
 * BIGINT. One row per point, or (`onePerCell`) one row per cell already summed: the cluster cells.
 */
export interface ClusterRows {
  rows: Sql;
  onePerCell: boolean;
}

/** The column of a status's count (`n_…`) or kW (`kw_…`) in rows to cluster and in the cluster cells. */
export const statusColumn = (prefix: 'n' | 'kw' | 'site_count' | 'load_kw', status: Status): string =>
  `${prefix}_${status.toLowerCase()}`;

/**
 * Each point of `points` (rows with `wx`, `wy` and, with loads, `status` and `loadMw`) as one row to cluster at
 * zoom z.
 */
export function pointClusterRows(points: Sql, z: number, loads: boolean): ClusterRows {
  const perCell = bigint(worldPixelsPerCell(z));
  const cells = sql`SELECT q.wx / ${perCell} AS cx, q.wy / ${perCell} AS cy, ${bigint(1)} AS n, q.wx AS sx, q.wy AS sy`;
  if (!loads) return { rows: sql`${cells} FROM (${points}) q`, onePerCell: false };
  const onlyStatus = (status: Status, column: 'n' | 'kw') =>
    sql`CASE WHEN k.status = ${status} THEN k.${raw(column)} ELSE ${bigint(0)} END AS ${raw(statusColumn(column, status))}`;
  const perStatus = STATUSES.flatMap((status) => [onlyStatus(status, 'n'), onlyStatus(status, 'kw')]);
  return {
    rows: sql`SELECT k.cx, k.cy, k.n, k.sx, k.sy, k.kw, ${join(perStatus)}
      FROM (${cells}, q.status, ${loadKwSql(sql`q."loadMw"`)} AS kw FROM (${points}) q) k`,
    onePerCell: false,
  };
}

/** The cells of zoom z's grid that a tile's clusters come from: its 64 × 64 and the ring of its buffer. */
export function tileCellRange({ x, y }: TileCoord): { x: [number, number]; y: [number, number] } {
  const cells = TILE_EXTENT / CLUSTER_CELL_PX;
  return { x: [x * cells - 1, x * cells + cells], y: [y * cells - 1, y * cells + cells] };
}

/**
 * The clusters of a tile: one per cell of its grid and buffer (which repeats the neighbours' edge clusters so
 * that symbols are not cut at tile edges), at the mean position of its points rounded half up to the tile's
 * pixels (`gx`, `gy`), with its count and (with loads) the load and count of each status. Loads are sums of whole
 * kW shown in MW, so both stores and both sources send the same numbers. The property names come back too.
 */
export function clusterQuery(
  tile: TileCoord,
  { rows, onePerCell }: ClusterRows,
  loads: boolean,
): { query: Sql; clusterProperties: string[] } {
  const names = ['count'];
  // A cell's sum of a column: over its rows (PostgreSQL sums BIGINTs as NUMERIC: each sum is cast back, so the
  // divisions below are integer divisions), or its one row's value.
  const cellSum = (column: string) => (onePerCell ? sql`r.${raw(column)}` : sql`sum(r.${raw(column)})`);
  const total = (column: string) => sql`CAST(${cellSum(column)} AS BIGINT)`;
  const megawatts = (column: string) => sql`CAST(${cellSum(column)} AS DOUBLE PRECISION) / 1000.0`;
  const aggregates = [sql`${total('n')} AS "count"`];
  if (loads) {
    names.push('loadMw');
    aggregates.push(sql`${megawatts('kw')} AS "loadMw"`);
    for (const status of STATUSES) {
      names.push(`count_${status}`, `loadMw_${status}`);
      aggregates.push(
        sql`${total(statusColumn('n', status))} AS ${raw(`"count_${status}"`)}`,
        sql`${megawatts(statusColumn('kw', status))} AS ${raw(`"loadMw_${status}"`)}`,
      );
    }
  }
  const perPixel = bigint(worldPixelsPerPixel(tile.z));
  const half = bigint(worldPixelsPerPixel(tile.z) / 2);
  // The mean of n world pixels in this zoom's pixels, rounded half up: floor((s + n·d/2) / (n·d)), all whole.
  const mean = (sum: string, origin: number) =>
    sql`(${total(sum)} + ${total('n')} * ${half}) / (${total('n')} * ${perPixel}) - ${bigint(origin * TILE_EXTENT)}`;
  const range = tileCellRange(tile);
  const query = sql`SELECT ${mean('sx', tile.x)} AS gx, ${mean('sy', tile.y)} AS gy, ${join(aggregates)}
    FROM (${rows}) r
    WHERE r.cx BETWEEN ${bigint(range.x[0])} AND ${bigint(range.x[1])}
      AND r.cy BETWEEN ${bigint(range.y[0])} AND ${bigint(range.y[1])}
    ${onePerCell ? empty : sql`GROUP BY r.cx, r.cy`}
    ORDER BY r.cy, r.cx`;
  return { query, clusterProperties: names };
}
