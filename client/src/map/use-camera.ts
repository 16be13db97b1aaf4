import { useEffect, useRef } from 'react';
import { LngLatBounds, type Map } from 'maplibre-gl';
import { geodesicCircle } from './geodesic-circle';

/**
 * A request to move the view, made by the panels: to a point (a site from a list), or to show the whole radius
 * around one (a substation from the hotspots). A new `seq` is a new request, even to the same place.
 */
export interface CameraRequest {
  center: [number, number];
  radiusKm?: number;
  seq: number;
}

/** Close enough to tell one site from its neighbours, and to show the site labels. */
const SITE_ZOOM = 12;

/**
 * The substation panel floats over the right of the map (panels/analysis-panels.css: 330 px wide, 52 px from
 * the edge): what the camera shows is kept clear of it.
 */
const PANEL_INSET_PX = 400;
const MARGIN_PX = 48;

export function useCamera(map: Map | null, request: CameraRequest | null): void {
  // Each request moves the map once: a re-render with the same request must not pull the user back.
  const done = useRef<number | null>(null);
  useEffect(() => {
    if (!map || !request || done.current === request.seq) return;
    done.current = request.seq;
    const { center, radiusKm } = request;
    if (radiusKm === undefined) {
      // An offset, not padding: padding given to a camera move stays on the map after the panel is closed.
      map.flyTo({ center, zoom: Math.max(map.getZoom(), SITE_ZOOM), offset: [-PANEL_INSET_PX / 2, 0] });
      return;
    }
    const bounds = new LngLatBounds();
    for (const [lon, lat] of geodesicCircle(center, radiusKm).coordinates[0] ?? [])
      bounds.extend([lon!, lat!]);
    map.fitBounds(bounds, {
      padding: { top: MARGIN_PX, bottom: MARGIN_PX, left: MARGIN_PX, right: PANEL_INSET_PX },
    });
  }, [map, request]);
}
