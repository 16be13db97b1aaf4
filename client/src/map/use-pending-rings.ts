import { useMemo } from 'react';
import type { CircleLayerSpecification, Map } from 'maplibre-gl';
import type { QueuedChange } from '../offline/queue/queue-rules';
import { useGeoJsonCircles } from './use-geojson-overlay';

const PAINT: CircleLayerSpecification['paint'] = {
  'circle-radius': 12,
  'circle-opacity': 0,
  'circle-stroke-width': 3,
  'circle-stroke-color': ['match', ['get', 'state'], 'pending', '#e8890c', '#c5221f'],
};

/**
 * A ring around each site with a change waiting in the offline queue (offline/queue/): amber while it waits, red
 * when it came back as a conflict or was refused and needs the crew. Drawn over the sites, from the queue itself.
 */
export function usePendingRings(map: Map | null, changes: readonly QueuedChange[]): void {
  const features = useMemo(
    () =>
      changes.flatMap((c): GeoJSON.Feature[] =>
        c.at
          ? [
              {
                type: 'Feature',
                properties: { siteId: c.siteId, state: c.state },
                geometry: { type: 'Point', coordinates: c.at },
              },
            ]
          : [],
      ),
    [changes],
  );
  useGeoJsonCircles(map, 'pending-changes', PAINT, features);
}
