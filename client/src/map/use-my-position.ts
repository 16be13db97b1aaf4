import { useEffect } from 'react';
import type { GeoJSONSource, Map } from 'maplibre-gl';
import type { MyPosition } from '../offline/my-position';

const SOURCE = 'my-position';

/** The device's position (near me, offline/near-me-section.tsx) as a blue dot with a white ring, over everything. */
export function useMyPositionDot(map: Map | null, position: MyPosition | null): void {
  useEffect(() => {
    if (!map) return;
    map.addSource(SOURCE, { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
    map.addLayer({
      id: SOURCE,
      type: 'circle',
      source: SOURCE,
      paint: {
        'circle-radius': 7,
        'circle-color': '#1a73e8',
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 2.5,
      },
    });
    return () => {
      if (map.getLayer(SOURCE)) map.removeLayer(SOURCE);
      if (map.getSource(SOURCE)) map.removeSource(SOURCE);
    };
  }, [map]);

  useEffect(() => {
    const source = map?.getSource<GeoJSONSource>(SOURCE);
    source?.setData({
      type: 'FeatureCollection',
      features: position
        ? [{ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: position.at } }]
        : [],
    });
  }, [map, position]);
}
