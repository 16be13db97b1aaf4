import { circle } from '@turf/circle';
import type { Polygon } from 'geojson';

/**
 * The circle of `radiusKm` around `center` on the sphere (Turf's, whose radius is the contract's EARTH_RADIUS_M),
 * as a closed polygon of `vertices` points, for drawing only: which sites lie inside is the server's answer,
 * never this polygon's.
 */
export function geodesicCircle(center: readonly [number, number], radiusKm: number, vertices = 64): Polygon {
  return circle([...center], radiusKm, { steps: vertices, units: 'kilometers' }).geometry;
}
