import { useCallback, useMemo, useState } from 'react';
import type { ApiFeature } from './api';
import type { MapFocus } from './map/focus-features';
import type { FlyTarget } from './map/use-fly-to';
import type { Choice } from './selection/selection';
import { pointOf } from './point-of';

/**
 * The link between the attribute table and the map: the site hovered in either is marked in both (a ring on
 * the map for a row, a shaded row for a site), and a row chosen flies to its site and opens it.
 */
export function useSiteTable(fly: (target: FlyTarget) => void, open: (choice: Choice) => void) {
  const [hovered, setHovered] = useState<{ id: number; at: [number, number] | null } | null>(null);
  const at = hovered?.at ?? null;
  const [lon, lat] = at ?? [];
  return {
    hovered: hovered?.id ?? null,
    hoverSite: useCallback(
      (site: ApiFeature<'sites'> | null) => setHovered(site && { id: site.id, at: pointOf(site) }),
      [],
    ),
    // The pointer is on the site itself: no ring is needed there.
    hoverId: useCallback((id: number | null) => setHovered(id === null ? null : { id, at: null }), []),
    /** Where the map rings the hovered row's site; the same array while it stays, so the map is not redrawn. */
    ring: useMemo<MapFocus['hover']>(
      () => (lon !== undefined && lat !== undefined ? [lon, lat] : null),
      [lon, lat],
    ),
    choose: useCallback(
      (site: ApiFeature<'sites'>) => {
        const point = pointOf(site);
        if (!point) return;
        fly({ bbox: [point[0], point[1], point[0], point[1]] });
        open({ layer: 'sites', id: site.id, at: point });
      },
      [fly, open],
    ),
  };
}
