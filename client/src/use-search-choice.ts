import { useCallback } from 'react';
import type { Bbox, SearchHit } from './api';
import type { FlyTarget } from './map/use-fly-to';
import type { Choice } from './selection/selection';

/**
 * Choosing a search hit: the map flies to its box and the hit opens as if clicked at the box's centre, so a
 * substation gets its panel and any other feature its popup.
 */
export function useSearchChoice(fly: (target: FlyTarget) => void, open: (choice: Choice) => void) {
  return useCallback(
    (hit: SearchHit) => {
      const [minLon, minLat, maxLon, maxLat] = hit.bbox as Bbox;
      fly({ bbox: [minLon, minLat, maxLon, maxLat] });
      open({ layer: hit.layer, id: hit.id, at: [(minLon + maxLon) / 2, (minLat + maxLat) / 2] });
    },
    [fly, open],
  );
}
