import type { LineString, MultiLineString, Position } from 'geojson';
import { EARTH_RADIUS_KM, haversineKm } from '@gridwatch/contract';

type Vector = readonly [number, number, number];

const RAD = Math.PI / 180;

/**
 * Great-circle distance in kilometres from a lon/lat point to a line whose segments are great-circle arcs
 * (DOMAIN.md, "corridor"; PostGIS `geography` with `use_spheroid = false` measures the same).
 *
 * An empty line is infinitely far: nothing is within any corridor of it.
 */
export function distanceToLineKm(point: Position, line: LineString | MultiLineString): number {
  const [lon = NaN, lat = NaN] = point;
  const p = unitVector(lon, lat);
  let best = Infinity;
  for (const part of line.type === 'LineString' ? [line.coordinates] : line.coordinates) {
    const [first] = part;
    if (first && part.length === 1)
      best = Math.min(best, haversineKm(lon, lat, first[0] ?? NaN, first[1] ?? NaN));
    for (let i = 1; i < part.length; i++) {
      const [aLon = NaN, aLat = NaN] = part[i - 1] ?? [];
      const [bLon = NaN, bLat = NaN] = part[i] ?? [];
      best = Math.min(best, distanceToArcKm(lon, lat, p, aLon, aLat, bLon, bLat));
    }
  }
  return best;
}

/**
 * The cross-track distance when the point's foot on the great circle lies within the arc, else the nearer end.
 * The ends are always candidates, so a point on a vertex gets exactly 0 rather than a rounding residue.
 */
function distanceToArcKm(
  lon: number,
  lat: number,
  p: Vector,
  aLon: number,
  aLat: number,
  bLon: number,
  bLat: number,
): number {
  const toEnds = Math.min(haversineKm(lon, lat, aLon, aLat), haversineKm(lon, lat, bLon, bLat));
  const a = unitVector(aLon, aLat);
  const b = unitVector(bLon, bLat);
  const normal = cross(a, b);
  const length = Math.hypot(...normal);
  // Equal ends have no great circle; antipodal ends have infinitely many, so the arc between them is undefined.
  // Both leave the ends as the answer.
  if (length < 1e-15) return toEnds;
  const n: Vector = [normal[0] / length, normal[1] / length, normal[2] / length];
  const sinCrossTrack = dot(p, n);
  // The foot of the perpendicular is p minus its component along n; it lies within the arc when it is on the
  // inner side of both ends (a→foot and foot→b turn the same way as a→b).
  const foot: Vector = [
    p[0] - sinCrossTrack * n[0],
    p[1] - sinCrossTrack * n[1],
    p[2] - sinCrossTrack * n[2],
  ];
  if (dot(cross(a, foot), n) < 0 || dot(cross(foot, b), n) < 0) return toEnds;
  return Math.min(toEnds, EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.abs(sinCrossTrack))));
}

function unitVector(lon: number, lat: number): Vector {
  const phi = lat * RAD;
  const lambda = lon * RAD;
  return [Math.cos(phi) * Math.cos(lambda), Math.cos(phi) * Math.sin(lambda), Math.sin(phi)];
}

function cross(u: Vector, v: Vector): Vector {
  return [u[1] * v[2] - u[2] * v[1], u[2] * v[0] - u[0] * v[2], u[0] * v[1] - u[1] * v[0]];
}

function dot(u: Vector, v: Vector): number {
  return u[0] * v[0] + u[1] * v[1] + u[2] * v[2];
}
