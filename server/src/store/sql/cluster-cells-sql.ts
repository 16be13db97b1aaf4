/**
 * The sites' cluster cells (migrations 0020 and 0025, docs/storage.md "Cluster cells"): per zoom 0–CELL_MAX_ZOOM
 * and cell of that zoom's 64-pixel world grid, the live sites' count and the integer sums of their world pixels
 * and kW, then each status's count and kW (cluster-sql.ts). One row per cell is one cluster of a tile, read as it
 * is (migration 0025: a row per cell and status had to be summed per cell on every tile). Filled once after the
 * migration or the seed; after that every write of sites takes their rows out before it writes and puts them back
 * in after, in its transaction, so the table stays the sum of the live sites as they are. The sites' tiles up to
 * CELL_MAX_ZOOM without filter, as-of or scope read it (tile-sql.ts) instead of the sites.
 */
import { join, raw, sqltag as sql, type Sql } from '@prisma/client/runtime/client';
import { STATUSES, type Status } from '@gridwatch/contract';
import {
  bigint,
  CLUSTER_CELL_PX,
  loadKwSql,
  statusColumn,
  tileCellRange,
  worldPixelColumns,
  worldPixelsPerCell,
  type ClusterRows,
} from './cluster-sql';
import { TILE_EXTENT, type TileCoord } from '../../domain/geo/tile-math';
import { fillOnce } from './derived-state-sql';
import type { ImportClient, ImportTx } from './import-client';

/** The highest zoom with cluster cells: the sites are clustered below zoom 8, and at 8 past the tile cap. */
export const CELL_MAX_ZOOM = 8;

const DERIVED_STATE = 'site_cluster_cells';

/**
 * The table's columns beside its key, each with the name of the same sum in cellRowsSql and in rows to cluster
 * (cluster-sql.ts): the live sites' count, position sums and kW, then the count and kW of each status.
 */
const CELL_COLUMNS: readonly (readonly [column: string, sum: string])[] = [
  ['site_count', 'n'],
  ['sum_x', 'sx'],
  ['sum_y', 'sy'],
  ['load_kw', 'kw'],
  ...STATUSES.flatMap((status) => [
    [statusColumn('site_count', status), statusColumn('n', status)] as const,
    [statusColumn('load_kw', status), statusColumn('kw', status)] as const,
  ]),
];

/** The columns beside the key, as an INSERT lists them. */
const COLUMN_LIST: Sql = raw(CELL_COLUMNS.map(([column]) => column).join(', '));

/**
 * The cell rows of the live sites `which` selects (a condition on `t`), summed per key, each sum times `sign`
 * (−1: to take them out), in key order (so concurrent writers lock the rows they share in the same order).
 *
 * The sites are grouped once, at CELL_MAX_ZOOM; each lower zoom is rolled up from the one above, since a cell of
 * zoom z is exactly 2 × 2 cells of zoom z + 1 (its world pixels per cell double, and the positions are whole and
 * not negative, so `wx / 2d = (wx / d) / 2` in integer division). The sums are integers, so the roll-up gives the
 * sums the sites would. Grouping the sites at every zoom instead read 9 rows per site: at 100,000 imported sites,
 * 5.8 s of the import (docs/performance.md, "Fix 13").
 */
function cellRowsSql(which: Sql, sign: 1 | -1): Sql {
  const s = bigint(sign);
  // A site counts as 1 and its kW in the columns of its status (and as 0 in the others').
  const onlyStatus = (status: Status, sum: 'n' | 'kw', value: Sql) =>
    sql`sum(CASE WHEN p.status = ${status} THEN ${value} ELSE 0 END) AS ${raw(statusColumn(sum, status))}`;
  const perStatus = join(
    STATUSES.flatMap((status) => [onlyStatus(status, 'n', sql`1`), onlyStatus(status, 'kw', sql`p.kw`)]),
  );
  const rollUp = join(CELL_COLUMNS.map(([, sum]) => raw(`sum(c.${sum}) AS ${sum}`)));
  // PostgreSQL sums BIGINTs as NUMERIC: the sums are cast back to BIGINT once, at the end.
  const levels = [
    sql`${raw(`c${CELL_MAX_ZOOM}`)} AS (
      SELECT p.wx / ${bigint(worldPixelsPerCell(CELL_MAX_ZOOM))} AS cx,
        p.wy / ${bigint(worldPixelsPerCell(CELL_MAX_ZOOM))} AS cy,
        count(*) AS n, sum(p.wx) AS sx, sum(p.wy) AS sy, sum(p.kw) AS kw, ${perStatus}
      FROM (SELECT ${worldPixelColumns()}, t.status, ${loadKwSql(sql`t.load_mw`)} AS kw
        FROM sites t WHERE t.retired_at IS NULL AND ${which}) p
      GROUP BY 1, 2)`,
  ];
  for (let z = CELL_MAX_ZOOM - 1; z >= 0; z--) {
    levels.push(sql`${raw(`c${z}`)} AS (
      SELECT c.cx / ${bigint(2)} AS cx, c.cy / ${bigint(2)} AS cy, ${rollUp}
      FROM ${raw(`c${z + 1}`)} c GROUP BY 1, 2)`);
  }
  const sums = raw(CELL_COLUMNS.map(([, sum]) => sum).join(', '));
  const zooms = Array.from(
    { length: CELL_MAX_ZOOM + 1 },
    (_, z) => sql`SELECT ${raw(String(z))} AS zoom, cx, cy, ${sums} FROM ${raw(`c${z}`)}`,
  );
  const signed = join(
    CELL_COLUMNS.map(([column, sum]) => sql`${s} * CAST(k.${raw(sum)} AS BIGINT) AS ${raw(column)}`),
  );
  return sql`WITH ${join(levels, ', ')}
    SELECT k.zoom, k.cx, k.cy, ${signed}
    FROM (${join(zooms, ' UNION ALL ')}) k
    ORDER BY k.zoom, k.cx, k.cy`;
}

/** The upsert that adds the cell rows of the sites `which` selects, times `sign`, to the table. */
function addCellsSql(which: Sql, sign: 1 | -1): Sql {
  const add = join(
    CELL_COLUMNS.map(([column]) => raw(`${column} = site_cluster_cells.${column} + excluded.${column}`)),
  );
  return sql`INSERT INTO site_cluster_cells (zoom, cx, cy, ${COLUMN_LIST})
    ${cellRowsSql(which, sign)}
    ON CONFLICT (zoom, cx, cy) DO UPDATE SET ${add}`;
}

/** Emptied cells deleted by key, a statement per 1,000 (the keys the table gave, written as literals). */
const EMPTIED_CHUNK = 1_000;

/**
 * Takes the live sites `which` selects (a condition on the site `t`) out of their cells, as they are before a
 * write changes them; a cell left without sites goes (found by the upsert's RETURNING: until fix 26 the sites'
 * cells were computed a second time to find them, about 1 s of a 100,000-row update at 1M sites). In the write's
 * transaction, before it writes.
 */
export async function takeSitesOut(tx: ImportTx, which: Sql): Promise<void> {
  // The keys it wrote, with their count after it: the emptied cells without a second pass over the sites.
  const written = await tx.$queryRaw<{ zoom: unknown; cx: unknown; cy: unknown; site_count: unknown }[]>(
    sql`${addCellsSql(which, -1)} RETURNING zoom, cx, cy, site_count`,
  );
  const emptied = written
    .filter((r) => Number(r.site_count) === 0)
    .map((r) => sql`(${join([Number(r.zoom), Number(r.cx), Number(r.cy)].map(bigint))})`);
  for (let i = 0; i < emptied.length; i += EMPTIED_CHUNK) {
    await tx.$executeRaw(sql`DELETE FROM site_cluster_cells WHERE site_count = 0
      AND (zoom, cx, cy) IN (VALUES ${join(emptied.slice(i, i + EMPTIED_CHUNK))})`);
  }
}

/**
 * Puts the live sites `which` selects into their cells, as a write left them. In the write's transaction, after
 * it wrote (also when it wrote nothing: then it puts back what takeSitesOut took).
 */
export async function putSitesIn(tx: ImportTx, which: Sql): Promise<void> {
  await tx.$executeRaw(addCellsSql(which, 1));
}

/** The cells as rows to cluster (cluster-sql.ts) for a tile of zoom ≤ CELL_MAX_ZOOM: its cells and buffer. */
export function cellClusterRows(tile: TileCoord): ClusterRows {
  const range = tileCellRange(tile);
  const columns = join(CELL_COLUMNS.map(([column, sum]) => raw(`c.${column} AS ${sum}`)));
  return {
    rows: sql`SELECT c.cx, c.cy, ${columns}
      FROM site_cluster_cells c
      WHERE c.zoom = ${raw(String(tile.z))}
        AND c.cx BETWEEN ${bigint(range.x[0])} AND ${bigint(range.x[1])}
        AND c.cy BETWEEN ${bigint(range.y[0])} AND ${bigint(range.y[1])}`,
    onePerCell: true,
  };
}

/**
 * The number of live sites in a tile's own cells at CELL_MAX_ZOOM (not its buffer's): no more than the points
 * the tile holds, since a site of one of those cells lies inside the tile. Over TILE_POINT_CAP it says, without
 * reading the sites, that the tile is drawn as clusters.
 */
export function sitesInTileCells({ z, x, y }: TileCoord): Sql {
  const cells = TILE_EXTENT / CLUSTER_CELL_PX;
  return sql`SELECT COALESCE(SUM(c.site_count), 0) AS n FROM site_cluster_cells c
    WHERE c.zoom = ${raw(String(z))}
      AND c.cx BETWEEN ${bigint(x * cells)} AND ${bigint(x * cells + cells - 1)}
      AND c.cy BETWEEN ${bigint(y * cells)} AND ${bigint(y * cells + cells - 1)}`;
}

/** Fills the table anew from the live sites, in key order, and lets the planner know it. */
async function fillCells(tx: ImportTx): Promise<void> {
  await tx.$executeRaw(sql`DELETE FROM site_cluster_cells`);
  await tx.$executeRaw(sql`INSERT INTO site_cluster_cells (zoom, cx, cy, ${COLUMN_LIST})
    ${cellRowsSql(sql`1 = 1`, 1)}`);
  await tx.$executeRaw(sql`ANALYZE site_cluster_cells`);
}

/**
 * Fills the cells once, after migration 0020 added the table to a database that had sites (or after the seed);
 * the writes keep it exact after that.
 */
export const fillClusterCellsIfMissing = (db: ImportClient) =>
  fillOnce(db, DERIVED_STATE, fillCells, 30 * 60_000);
