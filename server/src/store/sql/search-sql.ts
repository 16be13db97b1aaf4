import { join, sqltag as sql, type Sql } from '@prisma/client/runtime/client';
import type { SearchHit, SearchLayer } from '@gridwatch/contract';
import { SCOPED } from './scoped-sql';

/** What each searchable layer contributes: its table and where its features sit (a point or a box). */
const SEARCHABLE: Record<SearchLayer, { readonly table: Sql; box: Sql }> = {
  substations: {
    get table() {
      return sql`${SCOPED.substations} substations`;
    },
    box: sql`lon AS "minLon", lat AS "minLat", lon AS "maxLon", lat AS "maxLat"`,
  },
  sites: {
    get table() {
      return sql`${SCOPED.sites} sites`;
    },
    box: sql`lon AS "minLon", lat AS "minLat", lon AS "maxLon", lat AS "maxLat"`,
  },
  lines: {
    get table() {
      return sql`${SCOPED.lines} lines`;
    },
    box: sql`min_lon AS "minLon", min_lat AS "minLat", max_lon AS "maxLon", max_lat AS "maxLat"`,
  },
  regions: {
    table: sql`regions`,
    box: sql`min_lon AS "minLon", min_lat AS "minLat", max_lon AS "maxLon", max_lat AS "maxLat"`,
  },
};
const LAYER_ORDER: SearchLayer[] = ['substations', 'sites', 'lines', 'regions'];

/** `%`, `_` and the escape character itself match literally: the text is what a person typed, not a pattern. */
const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * Names (English and Chinese) and external ids that contain the text, case-insensitively, ranked: an exact
 * match, then a prefix, then anywhere; then by layer and the shorter name. The same SQL on both stores.
 */
export function searchSql(text: string, limit: number): Sql {
  const needle = text.toLowerCase();
  const contains = `%${escapeLike(needle)}%`;
  const prefix = `${escapeLike(needle)}%`;
  const parts = LAYER_ORDER.map((layer, rank) => {
    const { table, box } = SEARCHABLE[layer];
    const fields = [sql`lower(name)`, sql`lower(name_zh)`, sql`lower(external_id)`];
    const any = (test: (f: Sql) => Sql) => join(fields.map(test), ' OR ');
    return sql`SELECT CAST(${layer} AS TEXT) AS layer, id, external_id AS "externalId", name, name_zh AS "nameZh", ${box},
      CASE WHEN ${any((f) => sql`${f} = ${needle}`)} THEN 0
           WHEN ${any((f) => sql`${f} LIKE ${prefix} ESCAPE '\\'`)} THEN 1 ELSE 2 END AS score,
      CAST(${rank} AS INTEGER) AS "layerRank"
      FROM ${table} WHERE ${any((f) => sql`${f} LIKE ${contains} ESCAPE '\\'`)}`;
  });
  return sql`SELECT * FROM (${join(parts, ' UNION ALL ')}) hits
    ORDER BY score, "layerRank", length(name), id LIMIT ${limit}`;
}

export function toSearchHit(row: Record<string, unknown>): SearchHit {
  return {
    layer: row.layer as SearchLayer,
    id: Number(row.id),
    externalId: String(row.externalId),
    name: String(row.name),
    nameZh: String(row.nameZh),
    bbox: [Number(row.minLon), Number(row.minLat), Number(row.maxLon), Number(row.maxLat)],
  };
}
