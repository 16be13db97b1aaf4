import { useEffect, useRef } from 'react';
import type { Map, MapMouseEvent, PointLike } from 'maplibre-gl';
import { pickTarget, type ClickTarget } from './click-router';
import { CLICK_LAYERS, Z_ORDER } from './style';

export interface MapClick extends ClickTarget {
  lngLat: [number, number];
}

/** Pixels around the pointer that count as a hit, so thin lines and small dots can be clicked. */
const TOLERANCE = 4;
const CLICKABLE = Object.values(CLICK_LAYERS);
/** Regions cover everything, so hovering them does not earn a pointer cursor. */
const POINTER = CLICKABLE.filter((id) => id !== CLICK_LAYERS.regions);

function around({ point }: MapMouseEvent): [PointLike, PointLike] {
  return [
    [point.x - TOLERANCE, point.y - TOLERANCE],
    [point.x + TOLERANCE, point.y + TOLERANCE],
  ];
}

/**
 * Sends each map click to `onClick` with the topmost clickable feature, or with null for none; with no `onClick`
 * (a zone being drawn) clicks select nothing.
 */
export function useClickRouter(map: Map | null, onClick: ((click: MapClick | null) => void) | null): void {
  const handler = useRef(onClick);
  useEffect(() => {
    handler.current = onClick;
  }, [onClick]);

  useEffect(() => {
    if (!map) return;
    const onMapClick = (event: MapMouseEvent) => {
      if (!handler.current) return;
      const hits = map
        .queryRenderedFeatures(around(event), { layers: CLICKABLE })
        .map((f) => ({ styleLayerId: f.layer.id, id: f.id }));
      const target = pickTarget(hits, CLICK_LAYERS, Z_ORDER);
      handler.current(target && { ...target, lngLat: [event.lngLat.lng, event.lngLat.lat] });
    };
    const onMove = (event: MapMouseEvent) => {
      // terra-draw sets its own cursor while it draws.
      if (!handler.current) return;
      const hit = map.queryRenderedFeatures(around(event), { layers: POINTER }).length > 0;
      map.getCanvas().style.cursor = hit ? 'pointer' : '';
    };
    map.on('click', onMapClick);
    map.on('mousemove', onMove);
    return () => {
      map.off('click', onMapClick);
      map.off('mousemove', onMove);
    };
  }, [map]);
}
