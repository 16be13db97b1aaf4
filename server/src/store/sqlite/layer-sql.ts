import type { LayerId } from '../../api/layers';
import { Prisma } from './generated/client';

/**
 * The FROM clause and the camelCase select list of each layer (store/feature-rows.ts maps the rows).
 * Table names come from this allow-list only, never from a request.
 */
export interface LayerSql {
  from: Prisma.Sql;
  alias: string;
  columns: Prisma.Sql;
  rtree: string;
  /** Point layers filter exactly on lon/lat after the R*Tree prefilter; others on their bbox columns. */
  point: boolean;
}

export const LAYER_SQL: Record<LayerId, LayerSql> = {
  regions: {
    from: Prisma.sql`regions t`,
    alias: 't',
    rtree: 'regions_rtree',
    point: false,
    columns: Prisma.sql`t.id, t.external_id AS "externalId", t.code, t.name, t.name_zh AS "nameZh", t.level,
      t.geometry, t.synthetic`,
  },
  substations: {
    from: Prisma.sql`substations t LEFT JOIN utilities u ON u.id = t.utility_id`,
    alias: 't',
    rtree: 'substations_rtree',
    point: true,
    columns: Prisma.sql`t.id, t.external_id AS "externalId", t.name, t.name_zh AS "nameZh",
      t.voltage_kv AS "voltageKv", t.capacity_mva AS "capacityMva", t.utility_id AS "utilityId",
      u.name AS "utilityName", u.name_zh AS "utilityNameZh", t.base_load_mw AS "baseLoadMw",
      t.metered_peak_mw AS "meteredPeakMw", t.lon, t.lat, t.synthetic`,
  },
  lines: {
    from: Prisma.sql`lines t`,
    alias: 't',
    rtree: 'lines_rtree',
    point: false,
    columns: Prisma.sql`t.id, t.external_id AS "externalId", t.name, t.name_zh AS "nameZh",
      t.voltage_kv AS "voltageKv", t.from_substation_id AS "fromSubstationId",
      t.to_substation_id AS "toSubstationId", t.geometry, t.synthetic`,
  },
  pylons: {
    from: Prisma.sql`pylons t`,
    alias: 't',
    rtree: 'pylons_rtree',
    point: true,
    columns: Prisma.sql`t.id, t.external_id AS "externalId", t.line_id AS "lineId", t.seq, t.lon, t.lat, t.synthetic`,
  },
  sites: {
    from: Prisma.sql`sites t`,
    alias: 't',
    rtree: 'sites_rtree',
    point: true,
    columns: Prisma.sql`t.id, t.external_id AS "externalId", t.name, t.name_zh AS "nameZh", t.operator,
      t.machines, t.load_mw AS "loadMw", t.status, t.feeder_substation_id AS "feederSubstationId",
      t.first_observed AS "firstObserved", t.status_changed_at AS "statusChangedAt", t.lon, t.lat,
      t.version, t.synthetic`,
  },
  zones: {
    from: Prisma.sql`zones t`,
    alias: 't',
    rtree: 'zones_rtree',
    point: false,
    columns: Prisma.sql`t.id, t.name, t.team, t.state, t.due_date AS "dueDate", t.notes, t.geometry, t.version`,
  },
};
