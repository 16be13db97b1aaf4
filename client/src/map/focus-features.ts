import type { FeatureCollection } from 'geojson';
import { geodesicCircle } from './geodesic-circle';

/** What the map highlights for the analysis panels: a radius around a point, and one picked site. */
export interface MapFocus {
  radius: { center: [number, number]; radiusKm: number } | null;
  site: [number, number] | null;
}

export const NO_FOCUS: MapFocus = { radius: null, site: null };

/** The `focus` source's data; each feature's `role` picks the style layers that draw it (style/focus.ts). */
export function focusFeatures({ radius, site }: MapFocus): FeatureCollection {
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
      ...(site
        ? [
            {
              type: 'Feature' as const,
              properties: { role: 'site' },
              geometry: { type: 'Point' as const, coordinates: site },
            },
          ]
        : []),
    ],
  };
}
