import { bbox } from '@turf/bbox';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import type { Feature, MultiPolygon, Polygon } from 'geojson';

/** A polygon ready for many "is this point in it?" questions. */
export interface Containment {
  /** Inside or on the boundary, edges straight in lon/lat (Turf; the server's exact test agrees off the boundary). */
  contains(lon: number, lat: number): boolean;
}

/**
 * Turf's point-in-polygon, with the polygon's box computed once: Turf skips a point outside `feature.bbox` without
 * looking at an edge, which is most of the generator's rejected draws.
 */
export function containment(geometry: Polygon | MultiPolygon): Containment {
  const feature: Feature<Polygon | MultiPolygon> = {
    type: 'Feature',
    properties: {},
    geometry,
    bbox: bbox(geometry),
  };
  return { contains: (lon, lat) => booleanPointInPolygon([lon, lat], feature) };
}
