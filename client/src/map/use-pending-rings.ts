import { useEffect } from 'react';
import type { GeoJSONSource, Map } from 'maplibre-gl';
import type { QueuedChange } from '../offline/queue/queue-rules';

const SOURCE = 'pending-changes';

/**
 * A ring around each site with a change waiting in the offline queue (offline/queue/): amber while it waits, red
 * when it came back as a conflict or was refused and needs the crew. Drawn over the sites, from the queue itself.
 */
export function usePendingRings(map: Map | null, changes: readonly QueuedChange[]): void {
  useEffect(() => {
    if (!map) return;
    map.addSource(SOURCE, { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
    map.addLayer({
      id: SOURCE,
      type: 'circle',
      source: SOURCE,
      paint: {
        'circle-radius': 12,
        'circle-opacity': 0,
        'circle-stroke-width': 3,
        'circle-stroke-color': ['match', ['get', 'state'], 'pending', '#e8890c', '#c5221f'],
      },
    });
    return () => {
      if (map.getLayer(SOURCE)) map.removeLayer(SOURCE);
      if (map.getSource(SOURCE)) map.removeSource(SOURCE);
    };
  }, [map]);

  useEffect(() => {
    map?.getSource<GeoJSONSource>(SOURCE)?.setData({
      type: 'FeatureCollection',
      features: changes.flatMap((c) =>
        c.at
          ? [
              {
                type: 'Feature' as const,
                properties: { siteId: c.siteId, state: c.state },
                geometry: { type: 'Point' as const, coordinates: c.at },
              },
            ]
          : [],
      ),
    });
  }, [map, changes]);
}
