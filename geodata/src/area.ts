import type { MultiPolygon, Polygon, Position } from 'geojson';
import { EARTH_RADIUS_M } from './geo';

const RAD = Math.PI / 180;

/**
 * Area of a lon/lat ring on the sphere in m², unsigned (the spherical-excess approximation of Chamberlain &
 * Duquette, as in @turf/area), so outline checks need no extra dependency.
 */
export function ringAreaM2(ring: readonly Position[]): number {
  const n = ring.length;
  if (n < 4) return 0;
  let total = 0;
  for (let i = 0; i < n - 1; i++) {
    const p1 = ring[i];
    const p2 = ring[(i + 1) % (n - 1)];
    const p3 = ring[(i + 2) % (n - 1)];
    if (!p1 || !p2 || !p3) continue;
    total += ((p3[0] ?? 0) - (p1[0] ?? 0)) * RAD * Math.sin((p2[1] ?? 0) * RAD);
  }
  return Math.abs((total * EARTH_RADIUS_M * EARTH_RADIUS_M) / 2);
}

/** Outer rings minus holes, summed over the polygons. */
export function geometryAreaM2(geometry: Polygon | MultiPolygon): number {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  let total = 0;
  for (const polygon of polygons) {
    polygon.forEach((ring, i) => {
      total += i === 0 ? ringAreaM2(ring) : -ringAreaM2(ring);
    });
  }
  return total;
}
