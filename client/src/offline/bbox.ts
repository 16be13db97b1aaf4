import type { Geometry } from 'geojson';
import type { Bbox } from '../api';

/** The box (west, south, east, north) around a geometry's coordinates; an empty geometry has an inverted box. */
export function bboxOf(geometry: Geometry): Bbox {
  const box: Bbox = [Infinity, Infinity, -Infinity, -Infinity];
  const walk = (c: unknown): void => {
    if (Array.isArray(c) && typeof c[0] === 'number' && typeof c[1] === 'number') {
      box[0] = Math.min(box[0], c[0]);
      box[1] = Math.min(box[1], c[1]);
      box[2] = Math.max(box[2], c[0]);
      box[3] = Math.max(box[3], c[1]);
    } else if (Array.isArray(c)) c.forEach(walk);
  };
  if (geometry.type === 'GeometryCollection')
    geometry.geometries.map(bboxOf).forEach((b) =>
      walk([
        [b[0], b[1]],
        [b[2], b[3]],
      ]),
    );
  else walk(geometry.coordinates);
  return box;
}

/** Whether two boxes share a point (touching counts, as the API's bbox filter does). */
export const intersects = (a: Bbox, b: Bbox): boolean =>
  a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];
