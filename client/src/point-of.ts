import type { Geometry } from 'geojson';

/** The position of a point feature; the layers the panels fly to (substations, sites) are all points. */
export function pointOf(feature: { geometry: Geometry }): [number, number] | null {
  const { geometry } = feature;
  if (geometry.type !== 'Point') return null;
  const [lon, lat] = geometry.coordinates;
  return lon === undefined || lat === undefined ? null : [lon, lat];
}
