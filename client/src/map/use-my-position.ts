import { useMemo } from 'react';
import type { Map } from 'maplibre-gl';
import type { MyPosition } from '../offline/my-position';
import { useGeoJsonCircles } from './use-geojson-overlay';

const PAINT = {
  'circle-radius': 7,
  'circle-color': '#1a73e8',
  'circle-stroke-color': '#ffffff',
  'circle-stroke-width': 2.5,
};

/** The device's position (near me, offline/near-me-section.tsx) as a blue dot with a white ring, over everything. */
export function useMyPositionDot(map: Map | null, position: MyPosition | null): void {
  const features = useMemo(
    (): GeoJSON.Feature[] =>
      position
        ? [{ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: position.at } }]
        : [],
    [position],
  );
  useGeoJsonCircles(map, 'my-position', PAINT, features);
}
