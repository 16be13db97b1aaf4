/** Spherical helpers on the sphere DOMAIN.md fixes for every distance (haversine, R = 6,371,008.8 m). */
export const EARTH_RADIUS_M = 6371008.8;

const RAD = Math.PI / 180;
const KM_PER_DEG_LAT = (EARTH_RADIUS_M * RAD) / 1000;

export type Box = readonly [minLon: number, minLat: number, maxLon: number, maxLat: number];

export function haversineM(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const dLat = (lat2 - lat1) * RAD;
  const dLon = (lon2 - lon1) * RAD;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(a)));
}

/**
 * Moves a point by a local east/north offset in km. Equirectangular is accurate to well under 1 % at the
 * tens of kilometres the generator moves things, which is all the synthetic data needs.
 */
export function offsetKm(lon: number, lat: number, eastKm: number, northKm: number): [number, number] {
  return [lon + eastKm / (KM_PER_DEG_LAT * Math.cos(lat * RAD)), lat + northKm / KM_PER_DEG_LAT];
}

export function kmPerDegLon(lat: number): number {
  return KM_PER_DEG_LAT * Math.cos(lat * RAD);
}

export { KM_PER_DEG_LAT };

export function roundTo(value: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
}

export function inBox(lon: number, lat: number, box: Box): boolean {
  return lon >= box[0] && lon <= box[2] && lat >= box[1] && lat <= box[3];
}
