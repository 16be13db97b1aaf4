import {
  LINE_COLUMNS,
  PYLON_COLUMNS,
  REGION_COLUMNS,
  SITE_COLUMNS,
  SUBSTATION_COLUMNS,
  ZONE_COLUMNS,
  type LayerId,
} from '@gridwatch/contract';
import { raw, sqltag as sql, type Sql } from '@prisma/client/runtime/client';
import { servedSelect } from '../columns/column-sql';
import { LIVE_SITES } from './live-sites';

/**
 * The FROM clause and the camelCase select list of each layer, the same SQL on both stores (both have the
 * same columns; the lists come from the column tables, store/feature-rows.ts maps the rows). Table names come
 * from this allow-list, never a request.
 */
export interface LayerSql {
  /** The rows every read of the layer sees, to alias `t`: the table, or for sites the live ones (live-sites.ts). */
  source: Sql;
  from: Sql;
  columns: Sql;
  table: string;
  /** Point layers have lon/lat columns; the others a GeoJSON text with min/max lon/lat columns. */
  point: boolean;
}

export const LAYER_SQL: Record<LayerId, LayerSql> = {
  regions: {
    table: 'regions',
    source: raw('regions'),
    from: sql`regions t`,
    point: false,
    columns: sql`t.id, ${servedSelect(REGION_COLUMNS)}, t.geometry`,
  },
  substations: {
    table: 'substations',
    source: raw('substations'),
    from: sql`substations t LEFT JOIN utilities u ON u.id = t.utility_id`,
    point: true,
    columns: sql`t.id, ${servedSelect(SUBSTATION_COLUMNS)}, t.lon, t.lat`,
  },
  lines: {
    table: 'lines',
    source: raw('lines'),
    from: sql`lines t`,
    point: false,
    columns: sql`t.id, ${servedSelect(LINE_COLUMNS)}, t.geometry`,
  },
  pylons: {
    table: 'pylons',
    source: raw('pylons'),
    from: sql`pylons t`,
    point: true,
    columns: sql`t.id, ${servedSelect(PYLON_COLUMNS)}, t.lon, t.lat`,
  },
  sites: {
    table: 'sites',
    source: LIVE_SITES,
    from: sql`${LIVE_SITES} t LEFT JOIN utilities u ON u.id = t.utility_id`,
    point: true,
    columns: sql`t.id, ${servedSelect(SITE_COLUMNS)}, t.lon, t.lat`,
  },
  zones: {
    table: 'zones',
    source: raw('zones'),
    from: sql`zones t`,
    point: false,
    columns: sql`t.id, ${servedSelect(ZONE_COLUMNS)}, t.geometry`,
  },
};
