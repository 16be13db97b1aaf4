import type { FeatureCollection } from 'geojson';
import { geodesicCircle } from './geodesic-circle';

/**
 * What the map highlights: for the analysis panels a radius around a point and one picked site; for the
 * attribute table the site whose row is under the pointer.
 */
export interface MapFocus {
  radius: { center: [number, number]; radiusKm: number } | null;
  site: [number, number] | null;
  hover: [number, number] | null;
}

export const NO_FOCUS: MapFocus = { radius: null, site: null, hover: null };

const point = (role: 'site' | 'hover', at: [number, number] | null) =>
  at
    ? [
        {
          type: 'Feature' as const,
          properties: { role },
          geometry: { type: 'Point' as const, coordinates: at },
        },
      ]
    : [];

/** The `focus` source's data; each feature's `role` picks the style layers that draw it (style/focus.ts). */
export function focusFeatures({ radius, site, hover }: MapFocus): FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: [
      ...(radius
        ? [
            {
              type: 'Feature' as const,
              properties: { role: 'radius' },
              geometry: geodesicCircle(radius.center, radius.radiusKm),
            },
          ]
        : []),
      ...point('site', site),
      ...point('hover', hover),
    ],
  };
}
