import { empty, join, raw, sqltag as sql, type Sql } from '@prisma/client/runtime/client';
import { LAYER_IDS, type LayerId, type LayerInfo } from '../../api/layers';
import type { Bbox } from '../../domain/geo/bbox';
import { rowToFeature } from '../feature-rows';
import { LAYER_CATALOG } from '../layer-catalog';
import type { Backend, LayerFeature, LayerFilter, LayerPage, Store } from '../store';
import { LAYER_SQL } from './layer-sql';

export type Row = Record<string, unknown>;

/** What the store needs of a Prisma client; both generated clients (SQLite, PostgreSQL) have it. */
export interface RawClient {
  $queryRaw<T = unknown>(query: Sql): Promise<T>;
  $disconnect(): Promise<void>;
}

/**
 * The behaviour both stores share: the same SQL over the same columns. An adapter adds what differs, such as
 * how a bounding box is prefiltered (R*Tree in SQLite, GiST in PostGIS).
 */
export abstract class SqlStore implements Store {
  abstract readonly backend: Backend;

  protected constructor(protected readonly db: RawClient) {}

  /** A condition on the layer's row `t` that keeps the rows whose extent meets the box (edges included). */
  protected abstract bboxCondition(layer: LayerId, bbox: Bbox): Sql;

  async layerInfos(): Promise<LayerInfo[]> {
    const infos: LayerInfo[] = [];
    for (const id of LAYER_IDS) {
      const { table, point } = LAYER_SQL[id];
      const extent = point
        ? sql`min(lon) AS "minLon", min(lat) AS "minLat", max(lon) AS "maxLon", max(lat) AS "maxLat"`
        : sql`min(min_lon) AS "minLon", min(min_lat) AS "minLat", max(max_lon) AS "maxLon", max(max_lat) AS "maxLat"`;
      const [row] = await this.db.$queryRaw<Row[]>(
        sql`SELECT count(*) AS count, ${extent} FROM ${raw(table)}`,
      );
      const count = Number(row?.count ?? 0);
      const bbox = !row || count === 0 ? null : [row.minLon, row.minLat, row.maxLon, row.maxLat].map(Number);
      infos.push({ id, ...LAYER_CATALOG[id], count, bbox });
    }
    return infos;
  }

  async queryLayer<L extends LayerId>(layer: L, filter: LayerFilter): Promise<LayerPage<L>> {
    const { columns, from } = LAYER_SQL[layer];
    const where: Sql[] = [];
    if (filter.bbox) where.push(this.bboxCondition(layer, filter.bbox));
    if (filter.statuses) where.push(sql`t.status IN (${join(filter.statuses)})`);
    const whereSql = where.length ? sql`WHERE ${join(where, ' AND ')}` : empty;
    const rows = await this.db.$queryRaw<Row[]>(
      sql`SELECT ${columns} FROM ${from} ${whereSql} ORDER BY t.id LIMIT ${filter.limit + 1}`,
    );
    const toFeature = rowToFeature[layer] as (row: Row) => LayerFeature<L>;
    return { features: rows.slice(0, filter.limit).map(toFeature), truncated: rows.length > filter.limit };
  }

  async getFeature<L extends LayerId>(layer: L, id: number): Promise<LayerFeature<L> | null> {
    const { columns, from } = LAYER_SQL[layer];
    const [row] = await this.db.$queryRaw<Row[]>(sql`SELECT ${columns} FROM ${from} WHERE t.id = ${id}`);
    return row ? (rowToFeature[layer] as (row: Row) => LayerFeature<L>)(row) : null;
  }

  async close(): Promise<void> {
    await this.db.$disconnect();
  }
}
