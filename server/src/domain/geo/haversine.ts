/** Mean Earth radius (IUGG R1) in metres; DOMAIN.md fixes distances to this sphere so both stores agree. */
export const EARTH_RADIUS_M = 6_371_008.8;
export const EARTH_RADIUS_KM = EARTH_RADIUS_M / 1000;

/** A millimetre, in kilometres: the slack that keeps the SQLite and PostGIS answers from disagreeing at r. */
export const WITHIN_TOLERANCE_KM = 1e-6;

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

/** Whether a distance d (km) counts as within radius r (km), with the tolerance of DOMAIN.md. */
export function isWithinKm(d: number, r: number): boolean {
  return d <= r + WITHIN_TOLERANCE_KM;
}

/**
 * Rounds kilometres and megawatts to 3 decimals, half away from zero, as a person reading the number expects.
 *
 * The rounding is done on the shortest decimal that prints the double (what `String(x)` shows), not on its
 * binary value: 1.0005 is stored as 1.000499999…, so `Math.round(x * 1000) / 1000` gives 1 while a person
 * expects 1.001. Shifting the decimal exponent in the string keeps the digits exact.
 */
export function roundTo3(x: number): number {
  // Non-finite values have nothing to round; from 1e18 on, doubles are integers (their spacing is ≥ 128).
  if (!Number.isFinite(x) || Math.abs(x) >= 1e18) return x;
  const [digits = '0', exponent = '0'] = Math.abs(x).toString().split('e');
  const rounded = Number(`${Math.round(Number(`${digits}e${Number(exponent) + 3}`))}e-3`);
  // `|| 0` turns the -0 of a tiny negative value into 0, which JSON would print as 0 anyway.
  return (x < 0 ? -rounded : rounded) || 0;
}
