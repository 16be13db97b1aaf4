import { haversineKm } from '@gridwatch/contract';

/** A point the list can sort: a site's id, where it is, and whatever the row shows. */
export interface Placed {
  id: number;
  lon: number;
  lat: number;
}

export type WithDistance<T> = T & { distanceKm: number };

/**
 * The `limit` places nearest `from` ([lon, lat]), nearest first, by great-circle distance (the project's one
 * geodesy, packages/contract/src/geodesy.ts: the same sphere as the server's distances); ties by id, so two
 * sites at one spot keep one order online and offline.
 */
export function nearest<T extends Placed>(
  from: readonly [number, number],
  places: readonly T[],
  limit: number,
): WithDistance<T>[] {
  return places
    .map((p) => ({ ...p, distanceKm: haversineKm(from[0], from[1], p.lon, p.lat) }))
    .sort((a, b) => a.distanceKm - b.distanceKm || a.id - b.id)
    .slice(0, limit);
}

/**
 * The box to ask the server for around a position: `radiusKm` each way (longitude degrees shrink with latitude).
 * Sites outside it may still be nearer than the box's corners, so the list is cut to what lies within `radiusKm`.
 */
export function boxAround(
  [lon, lat]: readonly [number, number],
  radiusKm: number,
): [number, number, number, number] {
  const dLat = radiusKm / 111.195;
  const dLon = dLat / Math.max(Math.cos((lat * Math.PI) / 180), 0.01);
  return [lon - dLon, Math.max(lat - dLat, -90), lon + dLon, Math.min(lat + dLat, 90)];
}
