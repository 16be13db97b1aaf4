import { haversineKm } from '@gridwatch/contract';
import { area } from '@turf/area';
import type { LineString, Polygon, Position } from 'geojson';
import type { Locale } from '../i18n';
import { formatArea, formatLength } from './format-measure';

/** A figure written on the map at the shape being measured. */
export interface MeasureLabel {
  /** A segment's length at its middle, the line's total at its last point, a polygon's area inside it. */
  kind: 'segment' | 'total' | 'area';
  at: [number, number];
  text: string;
}

const RAD = Math.PI / 180;
/** Web Mercator's y of a latitude, in radians: the map draws a segment straight in this projection. */
const mercatorY = (lat: number) => Math.log(Math.tan(Math.PI / 4 + (lat * RAD) / 2));
const latitudeOf = (y: number) => (2 * Math.atan(Math.exp(y)) - Math.PI / 2) / RAD;

/** The middle of a segment as the map draws it (straight in Web Mercator), so that its label sits on the line. */
function middle([lon1 = 0, lat1 = 0]: Position, [lon2 = 0, lat2 = 0]: Position): [number, number] {
  return [(lon1 + lon2) / 2, latitudeOf((mercatorY(lat1) + mercatorY(lat2)) / 2)];
}

/**
 * The centroid of a ring in Web Mercator (where the map draws it), back in lon/lat; the mean of its corners when
 * it has no area yet (two points drawn). A strongly concave polygon may have it outside; a measured plot rarely is.
 */
function centroid(ring: Position[]): [number, number] {
  const points = ring.slice(0, -1).map(([lon = 0, lat = 0]) => [lon, mercatorY(lat)] as const);
  let twiceArea = 0;
  let cx = 0;
  let cy = 0;
  points.forEach(([x1, y1], i) => {
    const [x2, y2] = points[(i + 1) % points.length]!;
    const cross = x1 * y2 - x2 * y1;
    twiceArea += cross;
    cx += (x1 + x2) * cross;
    cy += (y1 + y2) * cross;
  });
  if (Math.abs(twiceArea) < 1e-12) {
    const n = Math.max(points.length, 1);
    const [sx, sy] = points.reduce(([ax, ay], [x, y]) => [ax + x, ay + y], [0, 0]);
    return [sx / n, latitudeOf(sy / n)];
  }
  return [cx / (3 * twiceArea), latitudeOf(cy / (3 * twiceArea))];
}

const metresBetween = ([lon1 = 0, lat1 = 0]: Position, [lon2 = 0, lat2 = 0]: Position) =>
  haversineKm(lon1, lat1, lon2, lat2) * 1000;

/**
 * What the map writes at a shape while it is measured (issue 13: "distances and areas labelled on the map"): a
 * line's segments at their middles (when there are two or more) and its total at its last point; a polygon's area
 * at its centroid. Lengths on the contract's sphere, as the tools panel's figure (measure-shape.ts).
 */
export function measureLabels(shape: LineString | Polygon | null, locale: Locale): MeasureLabel[] {
  if (!shape) return [];
  if (shape.type === 'Polygon') {
    const ring = shape.coordinates[0] ?? [];
    if (ring.length < 4) return [];
    return [{ kind: 'area', at: centroid(ring), text: formatArea(area(shape), locale) }];
  }
  const points = shape.coordinates;
  const segments = points
    .slice(1)
    .map((to, i) => ({ from: points[i]!, to, metres: metresBetween(points[i]!, to) }))
    // terra-draw repeats the last point under the pointer before it moves: a segment of nothing says nothing.
    .filter((s) => s.metres > 0);
  if (segments.length === 0) return [];
  const total = segments.reduce((sum, s) => sum + s.metres, 0);
  const last = segments.at(-1)!.to;
  return [
    ...(segments.length > 1
      ? segments.map((s) => ({
          kind: 'segment' as const,
          at: middle(s.from, s.to),
          text: formatLength(s.metres, locale),
        }))
      : []),
    { kind: 'total', at: [last[0] ?? 0, last[1] ?? 0], text: formatLength(total, locale) },
  ];
}
