import { useEffect } from 'react';
import type { CircleLayerSpecification, GeoJSONSource, Map } from 'maplibre-gl';

/**
 * A circle layer over the map drawn from data the page holds (the device's position, the offline queue's sites):
 * its source and layer are added once per map and removed with it (pass a constant `paint`), and the data is
 * replaced when it changes.
 */
export function useGeoJsonCircles(
  map: Map | null,
  id: string,
  paint: CircleLayerSpecification['paint'],
  features: GeoJSON.Feature[],
): void {
  useEffect(() => {
    if (!map) return;
    map.addSource(id, { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
    map.addLayer({ id, type: 'circle', source: id, paint });
    return () => {
      if (map.getLayer(id)) map.removeLayer(id);
      if (map.getSource(id)) map.removeSource(id);
    };
  }, [map, id, paint]);

  useEffect(() => {
    map?.getSource<GeoJSONSource>(id)?.setData({ type: 'FeatureCollection', features });
  }, [map, id, features]);
}
