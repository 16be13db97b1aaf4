/**
 * The naive baseline: Turf's booleanPointInPolygon over every site in one process (what a client holding all
 * points, or a server without a spatial index, does).
 */
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { Polygon } from 'geojson';

export interface PointRow {
  externalId: string;
  lon: number;
  lat: number;
}

export function turfWithin(points: readonly PointRow[], polygon: Polygon): string[] {
  const inside: string[] = [];
  for (const p of points) if (booleanPointInPolygon([p.lon, p.lat], polygon)) inside.push(p.externalId);
  return inside;
}
