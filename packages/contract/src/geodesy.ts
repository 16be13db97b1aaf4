/**
 * The one sphere every tier measures on, and the one haversine. DOMAIN.md fixes distances to this sphere; the
 * server's SQL (`haversine-sql.ts`) spells the same formula with this radius, so SQLite, PostGIS, the server's
 * TypeScript, the seed generator and the client all give the same kilometre. Turf's default radius is the same
 * 6,371,008.8 m, which is why the client may measure with Turf.
 */

/** Mean Earth radius (IUGG R1) in metres. */
export const EARTH_RADIUS_M = 6_371_008.8;
export const EARTH_RADIUS_KM = EARTH_RADIUS_M / 1000;

const RAD = Math.PI / 180;

/** Great-circle distance in kilometres between two lon/lat points on the sphere. */
export function haversineKm(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const phi1 = lat1 * RAD;
  const phi2 = lat2 * RAD;
  const sinHalfDPhi = Math.sin((phi2 - phi1) / 2);
  const sinHalfDLambda = Math.sin(((lon2 - lon1) * RAD) / 2);
  const h = sinHalfDPhi * sinHalfDPhi + Math.cos(phi1) * Math.cos(phi2) * sinHalfDLambda * sinHalfDLambda;
  // Rounding can push h a hair above 1 for antipodal points, where asin would return NaN.
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}
