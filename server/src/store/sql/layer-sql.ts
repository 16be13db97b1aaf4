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
import { SCOPED } from './scoped-sql';

/**
 * The FROM clause (getters: the scoped rows are the request's, scoped-sql.ts) and the camelCase select list of each layer, the same SQL on both stores (both have the
 * same columns; the lists come from the column tables, store/feature-rows.ts maps the rows). Table names come
 * from this allow-list, never a request.
 */
export interface LayerSql {
  /** The rows the request may read, to alias `t`: the table, or its scoped rows (scoped-sql.ts). */
  readonly source: Sql;
  readonly from: Sql;
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
    get source() {
      return SCOPED.substations;
    },
    get from() {
      return sql`${SCOPED.substations} t LEFT JOIN ${SCOPED.utilities} u ON u.id = t.utility_id`;
    },
    point: true,
    columns: sql`t.id, ${servedSelect(SUBSTATION_COLUMNS)}, t.lon, t.lat`,
  },
  lines: {
    table: 'lines',
    get source() {
      return SCOPED.lines;
    },
    get from() {
      return sql`${SCOPED.lines} t`;
    },
    point: false,
    columns: sql`t.id, ${servedSelect(LINE_COLUMNS)}, t.geometry`,
  },
  pylons: {
    table: 'pylons',
    get source() {
      return SCOPED.pylons;
    },
    get from() {
      return sql`${SCOPED.pylons} t`;
    },
    point: true,
    columns: sql`t.id, ${servedSelect(PYLON_COLUMNS)}, t.lon, t.lat`,
  },
  sites: {
    table: 'sites',
    get source() {
      return SCOPED.sites;
    },
    get from() {
      return sql`${SCOPED.sites} t LEFT JOIN ${SCOPED.utilities} u ON u.id = t.utility_id`;
    },
    point: true,
    columns: sql`t.id, ${servedSelect(SITE_COLUMNS)}, t.lon, t.lat`,
  },
  zones: {
    table: 'zones',
    get source() {
      return SCOPED.zones;
    },
    get from() {
      return sql`${SCOPED.zones} t`;
    },
    point: false,
    columns: sql`t.id, ${servedSelect(ZONE_COLUMNS)}, t.geometry`,
  },
};
