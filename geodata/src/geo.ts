/** Local planar helpers on the contract's sphere; distances are the contract's haversine (geodesy.ts). */
import { EARTH_RADIUS_M } from '@gridwatch/contract';

const RAD = Math.PI / 180;
const KM_PER_DEG_LAT = (EARTH_RADIUS_M * RAD) / 1000;

export type Box = readonly [minLon: number, minLat: number, maxLon: number, maxLat: number];

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
