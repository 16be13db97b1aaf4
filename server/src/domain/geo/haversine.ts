/**
 * The sphere and the haversine are the contract's (one module for every tier); re-exported here because the
 * store's SQL and the domain's distance tests must take the radius from the same place as the TypeScript.
 */
export { EARTH_RADIUS_KM, EARTH_RADIUS_M, haversineKm } from '@gridwatch/contract';

/** A millimetre, in kilometres: the slack that keeps the SQLite and PostGIS answers from disagreeing at r. */
export const WITHIN_TOLERANCE_KM = 1e-6;

/** Whether a distance d (km) counts as within radius r (km), with the tolerance of DOMAIN.md. */
export function isWithinKm(d: number, r: number): boolean {
  return d <= r + WITHIN_TOLERANCE_KM;
}

/**
 * Rounds kilometres and megawatts to 3 decimals, half away from zero, as a person reading the number expects.
 *
 * The rounding is done on the shortest decimal that prints the double (what `String(x)` shows), not on its
 * binary value: 1.0005 is stored as 1.000499999…, so `Math.round(x * 1000) / 1000` gives 1 while a person
 * expects 1.001 (roundTo3ByDigits). That product is used only where it cannot differ: below 10⁶ in size, x·1000
 * and the shifted decimal lie within 4·10⁻⁷ of each other, so away from a half they round to the same integer.
 * The strings cost 0.5 µs a number, 10% of an unexplained-load answer (docs/performance.md, "Fix 27").
 */
export function roundTo3(x: number): number {
  const scaled = Math.abs(x) * 1000;
  if (scaled < 1e9) {
    const fraction = scaled - Math.floor(scaled);
    if (Math.abs(fraction - 0.5) > 1e-6) {
      const rounded = Math.round(scaled) / 1000;
      // `|| 0` turns the -0 of a tiny negative value into 0, which JSON would print as 0 anyway.
      return (x < 0 ? -rounded : rounded) || 0;
    }
  }
  return roundTo3ByDigits(x);
}

/**
 * roundTo3 on the digits of the shortest decimal: its exponent shifted in the string, so the digits stay exact.
 * Exported for the test that holds roundTo3's shortcut to it.
 */
export function roundTo3ByDigits(x: number): number {
  // Non-finite values have nothing to round; from 1e18 on, doubles are integers (their spacing is ≥ 128).
  if (!Number.isFinite(x) || Math.abs(x) >= 1e18) return x;
  const [digits = '0', exponent = '0'] = Math.abs(x).toString().split('e');
  const rounded = Number(`${Math.round(Number(`${digits}e${Number(exponent) + 3}`))}e-3`);
  return (x < 0 ? -rounded : rounded) || 0;
}
