import { sqltag as sql, type Sql } from '@prisma/client/runtime/client';
import { EARTH_RADIUS_KM } from '../../domain/geo/haversine';

/**
 * The haversine distance in km between two lon/lat pairs (column expressions or bound values), in SQL that
 * SQLite (math functions) and PostgreSQL both run. Both stores measure with this one formula on DOMAIN.md's
 * sphere, so their answers agree to the last millimetre; the spatial indexes only prefilter.
 */
export function haversineKmSql(
  lon1: Sql | number,
  lat1: Sql | number,
  lon2: Sql | number,
  lat2: Sql | number,
): Sql {
  // Bound numbers are cast: PostgreSQL would otherwise guess their type from the other operand.
  const a = (v: Sql | number) => (typeof v === 'number' ? sql`CAST(${v} AS DOUBLE PRECISION)` : v);
  return sql`(2 * ${a(EARTH_RADIUS_KM)} * asin(sqrt(
    power(sin(radians(${a(lat2)} - ${a(lat1)}) / 2), 2)
    + cos(radians(${a(lat1)})) * cos(radians(${a(lat2)})) * power(sin(radians(${a(lon2)} - ${a(lon1)}) / 2), 2))))`;
}
