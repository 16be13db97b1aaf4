import type { Bbox } from './bbox';
import { EARTH_RADIUS_KM } from '@gridwatch/contract';

const DEG = 180 / Math.PI;

/**
 * The lon/lat box that holds every point within `radiusKm` of a centre on the sphere (a prefilter: the exact
 * distance test follows). The longitude half-width is the exact one of the spherical cap; near a pole, or when
 * the cap is wider than the sphere allows, the box spans every longitude.
 */
export function radiusBbox(lon: number, lat: number, radiusKm: number): Bbox {
  const angular = radiusKm / EARTH_RADIUS_KM;
  const dLat = angular * DEG;
  const minLat = Math.max(-90, lat - dLat);
  const maxLat = Math.min(90, lat + dLat);
  const ratio = Math.sin(angular) / Math.cos((lat * Math.PI) / 180);
  if (minLat === -90 || maxLat === 90 || !(ratio < 1)) return [-180, minLat, 180, maxLat];
  const dLon = Math.asin(ratio) * DEG;
  // A millionth of a degree (≈ 0.1 m) of slack keeps rounding from dropping a point on the circle.
  const slack = 1e-6;
  return [
    Math.max(-180, lon - dLon - slack),
    minLat - slack,
    Math.min(180, lon + dLon + slack),
    maxLat + slack,
  ];
}

/** The box grown by `km` on every side: it holds every point within `km` of any point of the original box. */
export function expandBboxKm([minLon, minLat, maxLon, maxLat]: Bbox, km: number): Bbox {
  // The longitude reach of a cap grows with latitude: measure it at the box's edge farthest from the equator.
  const farLat = Math.abs(minLat) > Math.abs(maxLat) ? minLat : maxLat;
  const [west, , east] = radiusBbox(0, farLat, km);
  const [, south] = radiusBbox(0, minLat, km);
  const [, , , north] = radiusBbox(0, maxLat, km);
  if (west === -180) return [-180, south, 180, north];
  return [Math.max(-180, minLon + west), south, Math.min(180, maxLon + east), north];
}
