import { SITE_COLUMNS, type LayerId } from '@gridwatch/contract';
import { sqltag as sql, type Sql } from '@prisma/client/runtime/client';
import { servedSelect } from '../columns/column-sql';

/**
 * The FROM clause and the camelCase select list of each layer, the same SQL on both stores (both have the
 * same columns; store/feature-rows.ts maps the rows). Table names come from this allow-list, never a request.
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
    columns: sql`t.id, t.external_id AS "externalId", t.code, t.name, t.name_zh AS "nameZh", t.level,
      t.geometry, t.synthetic`,
  },
  substations: {
    table: 'substations',
    from: sql`substations t LEFT JOIN utilities u ON u.id = t.utility_id`,
    point: true,
    columns: sql`t.id, t.external_id AS "externalId", t.name, t.name_zh AS "nameZh",
      t.voltage_kv AS "voltageKv", t.capacity_mva AS "capacityMva", t.utility_id AS "utilityId",
      u.name AS "utilityName", u.name_zh AS "utilityNameZh", t.base_load_mw AS "baseLoadMw",
      t.metered_peak_mw AS "meteredPeakMw", t.lon, t.lat, t.synthetic`,
  },
  lines: {
    table: 'lines',
    from: sql`lines t`,
    point: false,
    columns: sql`t.id, t.external_id AS "externalId", t.name, t.name_zh AS "nameZh",
      t.voltage_kv AS "voltageKv", t.from_substation_id AS "fromSubstationId",
      t.to_substation_id AS "toSubstationId", t.geometry, t.synthetic`,
  },
  pylons: {
    table: 'pylons',
    from: sql`pylons t`,
    point: true,
    columns: sql`t.id, t.external_id AS "externalId", t.line_id AS "lineId", t.seq, t.lon, t.lat, t.synthetic`,
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
    columns: sql`t.id, t.name, t.team, t.state, t.due_date AS "dueDate", t.notes, t.geometry, t.version`,
  },
};
