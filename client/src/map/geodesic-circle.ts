import type { Polygon } from 'geojson';

/** The mean Earth radius (IUGG), the sphere the server's haversine distances are measured on. */
export const EARTH_RADIUS_KM = 6371.0088;

const rad = (deg: number) => (deg * Math.PI) / 180;
const deg = (r: number) => (r * 180) / Math.PI;

/** The point `distanceKm` from `[lon, lat]` along the initial bearing `bearingDeg`, on the sphere. */
export function destination(
  [lon, lat]: readonly [number, number],
  distanceKm: number,
  bearingDeg: number,
): [number, number] {
  const d = distanceKm / EARTH_RADIUS_KM;
  const φ1 = rad(lat);
  const θ = rad(bearingDeg);
  const φ2 = Math.asin(Math.sin(φ1) * Math.cos(d) + Math.cos(φ1) * Math.sin(d) * Math.cos(θ));
  const λ2 =
    rad(lon) +
    Math.atan2(Math.sin(θ) * Math.sin(d) * Math.cos(φ1), Math.cos(d) - Math.sin(φ1) * Math.sin(φ2));
  // Back to [-180, 180), so a circle near the antimeridian keeps valid longitudes.
  return [((deg(λ2) + 540) % 360) - 180, deg(φ2)];
}

/**
 * The circle of `radiusKm` around `center` as a closed polygon of `vertices` points, for drawing only: which sites
 * lie inside is the server's answer, never this polygon's.
 */
export function geodesicCircle(center: readonly [number, number], radiusKm: number, vertices = 64): Polygon {
  const ring = Array.from({ length: vertices }, (_, i) =>
    destination(center, radiusKm, (360 * i) / vertices),
  );
  return { type: 'Polygon', coordinates: [[...ring, ring[0] as [number, number]]] };
}
