/**
 * Lengths and areas on the sphere of the IUGG mean Earth radius: close enough to the ellipsoid (well under 1%)
 * for a planner's measure, and the same figure the server uses for distances.
 */
export const EARTH_RADIUS_M = 6_371_008.8;

type Position = readonly number[];
const rad = (deg: number) => (deg * Math.PI) / 180;

/** Great-circle distance by the haversine formula, in metres. */
export function haversineM(a: Position, b: Position): number {
  const [lon1 = 0, lat1 = 0] = a;
  const [lon2 = 0, lat2 = 0] = b;
  const h =
    Math.sin(rad(lat2 - lat1) / 2) ** 2 +
    Math.cos(rad(lat1)) * Math.cos(rad(lat2)) * Math.sin(rad(lon2 - lon1) / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

export function lineLengthM(line: readonly Position[]): number {
  return line.slice(1).reduce((sum, p, i) => sum + haversineM(line[i]!, p), 0);
}

/**
 * The area of a ring on the sphere, in square metres, whatever its winding: the spherical excess by the
 * trapezoid formula of Chamberlain & Duquette (2007), "Some algorithms for polygons on a sphere".
 */
export function ringAreaM2(ring: readonly Position[]): number {
  let sum = 0;
  for (let i = 0; i < ring.length - 1; i++) {
    const [lon1 = 0, lat1 = 0] = ring[i]!;
    const [lon2 = 0, lat2 = 0] = ring[i + 1]!;
    sum += rad(lon2 - lon1) * (2 + Math.sin(rad(lat1)) + Math.sin(rad(lat2)));
  }
  return Math.abs((sum * EARTH_RADIUS_M * EARTH_RADIUS_M) / 2);
}
