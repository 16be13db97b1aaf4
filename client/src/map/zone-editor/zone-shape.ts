import type { Polygon, Position } from 'geojson';
import { geodesicCircle } from '../geodesic-circle';

/** Vertices of a circle zone: smooth at the scale of an inspection zone, few enough to edit by hand. */
export const CIRCLE_VERTICES = 64;

/** terra-draw's default precision: it refuses features whose coordinates carry more decimals. */
const PRECISION = 9;

function round(value: number): number {
  return Number(value.toFixed(PRECISION));
}

/** The middle of a closed ring: the mean of its vertices, the closing one counted once. */
export function ringCentre(ring: readonly Position[]): [number, number] {
  const open = ring.slice(0, -1);
  const sum = open.reduce<[number, number]>((s, [lon = 0, lat = 0]) => [s[0] + lon, s[1] + lat], [0, 0]);
  return [sum[0] / open.length, sum[1] / open.length];
}

/**
 * A drawn circle as the polygon a zone stores. terra-draw draws the circle on the screen's projection; the zone gets
 * the circle on the sphere around the same centre with the radius the drawing showed, like the map's other
 * circles (geodesic-circle.ts), so its size on the ground does not depend on the latitude it was drawn at.
 */
export function circleToPolygon(drawn: Polygon, radiusKm: number, vertices = CIRCLE_VERTICES): Polygon {
  const centre = ringCentre(drawn.coordinates[0] ?? []);
  return roundPolygon(geodesicCircle(centre, radiusKm, vertices));
}

/** Coordinates at terra-draw's precision, so that a zone from the API can be handed to it for editing. */
export function roundPolygon(polygon: Polygon): Polygon {
  return {
    type: 'Polygon',
    coordinates: polygon.coordinates.map((ring) =>
      ring.map(([lon = 0, lat = 0]) => [round(lon), round(lat)]),
    ),
  };
}
