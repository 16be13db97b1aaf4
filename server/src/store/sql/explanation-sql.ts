import { join, raw, sqltag as sql, type Sql } from '@prisma/client/runtime/client';
import type { Status } from '@gridwatch/contract';
import { EARTH_RADIUS_KM, WITHIN_TOLERANCE_KM } from '../../domain/geo/haversine';
import type { Backend } from '../store';
import { firstPerGroupSql } from './first-per-group-sql';
import { haversineKmSql } from './haversine-sql';
import { SCOPED } from './scoped-sql';
import { loadSumSql } from './sum-sql';

/**
 * A substation `s` whose load can be explained: it has a base load and a meter (a reported peak, or readings, of
 * `readings`: the request's scoped rows unless said).
 */
export const meteredSql = (alias: 's' | 'm', readings: Sql = SCOPED.readings): Sql => {
  const s = raw(alias);
  return sql`(${s}.base_load_mw IS NOT NULL AND (${s}.metered_peak_mw IS NOT NULL
    OR EXISTS (SELECT 1 FROM ${readings} r WHERE r.substation_id = ${s}.id)))`;
};

/** The rows a meter's explanation reads: the request's scope, or (served-loads-sql.ts) every utility's. */
export interface ExplanationTables {
  sites: Sql;
  substations: Sql;
  readings: Sql;
}

/**
 * The licensed and the known illegal (`illegal`) load of served rows `v` (site_id, status, load_mw), as unexplained
 * load subtracts them: exact sums of capped terms in whole watts (sum-sql.ts); null where no row counts.
 */
export const explainedLoadSumsSql = (illegal: readonly Status[]) => {
  const sumOf = (statuses: readonly Status[]) =>
    loadSumSql(sql`CASE WHEN v.status IN (${join([...statuses])}) THEN v.load_mw END`);
  return { licensed: sumOf(['LICENSED']), knownIllegal: sumOf(illegal) };
};

/**
 * The one substation whose meter site `t`'s load explains (docs/detection.md, "One site explains one meter"):
 * its feeder; else the nearest metered substation within `radiusKm` (haversine with the millimetre, ties by the
 * lower id); else none (null). So a feederless site between three meters is subtracted at one of them, and the
 * explained loads of all substations sum to the loads of the sites that are assigned.
 * `pairCondition` prefilters site `t` × substation `s` pairs as the store's spatial index allows.
 */
export function explainingSubstationSql(_pairCondition: (radiusKm: number) => Sql, radiusKm: number): Sql {
  const distance = haversineKmSql(sql`t.lon`, sql`t.lat`, sql`s.lon`, sql`s.lat`);
  // The box of the spherical cap around the site, on the substations' own columns: there are few substations,
  // and per-pair index probes (an R*Tree query per substation and site on SQLite) cost far more than the scan.
  const angular = radiusKm / EARTH_RADIUS_KM;
  const dLat = (angular * 180) / Math.PI + 1e-4;
  const sinRatio = sql`(${Math.sin(angular)} / cos(radians(t.lat)))`;
  const dLon = sql`(degrees(asin(CASE WHEN ${sinRatio} > 1.0 THEN 1.0 ELSE ${sinRatio} END)) + 1e-4)`;
  const box = sql`s.lat BETWEEN t.lat - ${dLat} AND t.lat + ${dLat} AND s.lon BETWEEN t.lon - ${dLon} AND t.lon + ${dLon}`;
  return sql`COALESCE(t.feeder_substation_id,
    (SELECT s.id FROM ${SCOPED.substations} s WHERE ${box} AND ${meteredSql('s')}
      AND ${distance} <= ${radiusKm + WITHIN_TOLERANCE_KM} ORDER BY ${distance}, s.id LIMIT 1))`;
}

/**
 * explainingSubstationSql's nearest metered substation within `radiusKm` for every site at once, read from the
 * pairs table (site-substation-pairs-sql.ts; only for radii it covers), for the feederless sites: rows (site_id,
 * substation_id) to join.
 * The stored distance is the same haversine SQL, so the nearest, and a tie's lower id, are the same ones.
 * `tables`: the request's scope unless given. `sites`, a query of distinct `site_id`s: only those, which drive the
 * join, so a few cost a few index probes rather than a pass over every pair.
 */
export function nearestMeteredByPairsSql(
  backend: Backend,
  radiusKm: number,
  tables: ExplanationTables = {
    sites: SCOPED.sites,
    substations: SCOPED.substations,
    readings: SCOPED.readings,
  },
  sites: Sql | null = null,
): Sql {
  const pairs = sites
    ? sql`(${sites}) x JOIN site_substation_pairs p ON p.site_id = x.site_id`
    : sql`site_substation_pairs p`;
  return firstPerGroupSql(
    backend,
    sql`p.site_id`,
    sql`p.site_id, p.substation_id`,
    // Only the feederless sites: the others' meter is their feeder (most sites have one).
    sql`FROM ${pairs}
      JOIN (SELECT s.id FROM ${tables.substations} s WHERE ${meteredSql('s', tables.readings)}) m
      ON m.id = p.substation_id JOIN ${tables.sites} f ON f.id = p.site_id AND f.feeder_substation_id IS NULL
      WHERE p.distance_km <= ${radiusKm + WITHIN_TOLERANCE_KM}`,
    sql`p.distance_km, p.substation_id`,
  );
}
