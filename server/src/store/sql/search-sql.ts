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

/** Kind words written apart, so that "昌吉变电站" and "变电站 昌吉" both give the words 昌吉 and 变电站. */
const KIND_WORDS = /(变电站|矿场|线路)/g;

/**
 * The words of a search, in any order: split at spaces, the Chinese kind words (变电站…) apart; at most 8,
 * lower-cased (issue 13: "Changji substation" finds "Changji 220 kV Substation").
 */
export function searchWords(text: string): string[] {
  const words = text.toLowerCase().replace(KIND_WORDS, ' $1 ').split(/\s+/).filter(Boolean);
  return words.length > 0 ? words.slice(0, 8) : [text.toLowerCase()];
}

/**
 * Names (English and Chinese) and external ids that hold every word of the text, in any order,
 * case-insensitively (one field holding them all), ranked: an exact match of the whole text, then a prefix,
 * then anywhere; then by layer and the shorter name. The same SQL on both stores.
 */
export function searchSql(text: string, limit: number): Sql {
  const needle = text.toLowerCase();
  const words = searchWords(text);
  const prefix = `${escapeLike(needle)}%`;
  const parts = LAYER_ORDER.map((layer, rank) => {
    const { table, box } = SEARCHABLE[layer];
    const fields = [sql`lower(name)`, sql`lower(name_zh)`, sql`lower(external_id)`];
    const any = (test: (f: Sql) => Sql) => join(fields.map(test), ' OR ');
    return sql`SELECT CAST(${layer} AS TEXT) AS layer, id, external_id AS "externalId", name, name_zh AS "nameZh", ${box},
      CASE WHEN ${any((f) => sql`${f} = ${needle}`)} THEN 0
           WHEN ${any((f) => sql`${f} LIKE ${prefix} ESCAPE '\\'`)} THEN 1 ELSE 2 END AS score,
      CAST(${rank} AS INTEGER) AS "layerRank"
      FROM ${table} WHERE ${any((f) =>
        join(
          words.map((w) => sql`${f} LIKE ${`%${escapeLike(w)}%`} ESCAPE '\\'`),
          ' AND ',
        ),
      )}`;
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
