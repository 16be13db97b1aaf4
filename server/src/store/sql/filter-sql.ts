import { empty, join, sqltag as sql, type Sql } from '@prisma/client/runtime/client';
import type { LayerId } from '@gridwatch/contract';
import type { LayerFilter } from '../store';
import { inRegionSql, isMemberLayer } from './region-members-sql';

/**
 * The WHERE clause of a layer filter on row `t`, written once for the layer route, exports, the sites layer as
 * of a day and the vector tiles. `bbox` is the store's own prefilter; `status` the column that holds the status
 * to filter (the current one, or the one in force on a past day). A utility filters by the stored
 * `utility_id` (a site's accountable utility, a substation's own). A region filters the point layers through their stored memberships (region_members).
 */
export function filterWhere(
  layer: LayerId,
  filter: Omit<LayerFilter, 'limit'>,
  bbox: Sql | null,
  status: Sql = sql`t.status`,
): Sql {
  const where: Sql[] = [];
  if (bbox) where.push(bbox);
  if (filter.statuses) where.push(sql`${status} IN (${join(filter.statuses)})`);
  if (filter.afterId !== undefined) where.push(sql`t.id > ${filter.afterId}`);
  if (filter.beforeId !== undefined) where.push(sql`t.id < ${filter.beforeId}`);
  if (filter.voltagesKv) where.push(sql`t.voltage_kv IN (${join(filter.voltagesKv)})`);
  if (filter.minLoadMw !== undefined) where.push(sql`t.load_mw >= ${filter.minLoadMw}`);
  if (filter.maxLoadMw !== undefined) where.push(sql`t.load_mw <= ${filter.maxLoadMw}`);
  if (filter.utilityId !== undefined) where.push(sql`t.utility_id = ${filter.utilityId}`);
  if (filter.regionId !== undefined) {
    if (!isMemberLayer(layer)) throw new Error(`the ${layer} layer has no region filter`);
    where.push(inRegionSql(layer, filter.regionId));
  }
  return where.length ? sql`WHERE ${join(where, ' AND ')}` : empty;
}

/**
 * ORDER BY and LIMIT of a page of `filter`: by id, backwards from `beforeId` when paging back (then the rows are
 * put in id order again by `inIdOrder`), one row more than the page so that `truncated` can be told.
 */
export const pageOrder = (filter: LayerFilter): Sql =>
  sql`ORDER BY t.id ${filter.beforeId === undefined ? empty : sql`DESC`} LIMIT ${filter.limit + 1}`;

/** A page's rows in id order, at most `limit`, and whether more matched (past the page's far end). */
export function inIdOrder<R>(rows: R[], filter: LayerFilter): { rows: R[]; truncated: boolean } {
  const page = rows.slice(0, filter.limit);
  return {
    rows: filter.beforeId === undefined ? page : page.reverse(),
    truncated: rows.length > filter.limit,
  };
}
