import {
  LINE_COLUMNS,
  PYLON_COLUMNS,
  REGION_COLUMNS,
  SITE_COLUMNS,
  SUBSTATION_COLUMNS,
  ZONE_COLUMNS,
  type LayerId,
} from '@gridwatch/contract';
import { sqltag as sql, type Sql } from '@prisma/client/runtime/client';
import { servedSelect } from '../columns/column-sql';

/**
 * The FROM clause and the camelCase select list of each layer, the same SQL on both stores (both have the
 * same columns; the lists come from the column tables, store/feature-rows.ts maps the rows). Table names come
 * from this allow-list, never a request.
 */
export interface LayerSql {
  from: Sql;
  columns: Sql;
  table: string;
  /** Point layers have lon/lat columns; the others a GeoJSON text with min/max lon/lat columns. */
  point: boolean;
}

export const LAYER_SQL: Record<LayerId, LayerSql> = {
  regions: {
    table: 'regions',
    from: sql`regions t`,
    point: false,
    columns: sql`t.id, ${servedSelect(REGION_COLUMNS)}, t.geometry`,
  },
  substations: {
    table: 'substations',
    from: sql`substations t LEFT JOIN utilities u ON u.id = t.utility_id`,
    point: true,
    columns: sql`t.id, ${servedSelect(SUBSTATION_COLUMNS)}, t.lon, t.lat`,
  },
  lines: {
    table: 'lines',
    from: sql`lines t`,
    point: false,
    columns: sql`t.id, ${servedSelect(LINE_COLUMNS)}, t.geometry`,
  },
  pylons: {
    table: 'pylons',
    from: sql`pylons t`,
    point: true,
    columns: sql`t.id, ${servedSelect(PYLON_COLUMNS)}, t.lon, t.lat`,
  },
  sites: {
    table: 'sites',
    from: sql`sites t`,
    point: true,
    columns: sql`t.id, ${servedSelect(SITE_COLUMNS)}, t.lon, t.lat`,
  },
  zones: {
    table: 'zones',
    from: sql`zones t`,
    point: false,
    columns: sql`t.id, ${servedSelect(ZONE_COLUMNS)}, t.geometry`,
  },
};
