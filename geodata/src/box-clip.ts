import { bboxClip } from '@turf/bbox-clip';
import type { LineString, MultiLineString, MultiPolygon, Polygon, Position } from 'geojson';
import type { Box } from './geo';

/** polyclip-ts's polygon: rings of [x, y] pairs, the shell first. */
export type PairPolygon = [number, number][][];

/**
 * The parts of a line inside a box (Turf's bbox-clip): a river that leaves and re-enters the frame becomes
 * several parts, each with at least two positions.
 */
export function clipLinesToBox(geometry: LineString | MultiLineString, box: Box): Position[][] {
  const clipped = bboxClip(geometry, [...box]).geometry;
  const parts = clipped.type === 'LineString' ? [clipped.coordinates] : (clipped.coordinates as Position[][]);
  return parts.filter((part) => part.length > 1);
}

/**
 * The polygons cut to a box (Turf's bbox-clip), in polyclip's form, the emptied ones dropped. A concave ring cut by
 * a box may keep zero-width bridges along the box's edge: pass the result through polyclip (a union or an
 * intersection), which removes them.
 */
export function clipPolygonsToBox(geometry: Polygon | MultiPolygon, box: Box): PairPolygon[] {
  const clipped = bboxClip(geometry, [...box]).geometry;
  const polygons = (
    clipped.type === 'Polygon' ? [clipped.coordinates] : clipped.coordinates
  ) as Position[][][];
  return polygons
    .filter((polygon) => polygon.length > 0)
    .map((polygon) => polygon.map((ring) => ring.map(([x = 0, y = 0]) => [x, y] as [number, number])));
}
