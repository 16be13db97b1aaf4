import { useCallback, useState } from 'react';
import type { Bbox } from './api';
import { NO_FILTERS } from './filters/map-filters';
import { MAP_LAYERS, type MapLayerId } from './map/map-layers';
import type { FlyTarget, FlyToRequest } from './map/use-fly-to';
import type { ViewCamera } from './map/use-view-camera';

export type Visibility = Record<MapLayerId, boolean>;

export const visibleExcept = (hidden: readonly MapLayerId[]): Visibility =>
  Object.fromEntries(MAP_LAYERS.map((l) => [l, !hidden.includes(l)])) as Visibility;

/**
 * What the map shows, as the app holds it: the layers on, the filters, where it looks (its camera and the box it
 * shows) and where it is sent.
 */
export function useMapState() {
  const [visible, setVisible] = useState<Visibility>(() => visibleExcept([]));
  const [filters, setFilters] = useState(NO_FILTERS);
  const [camera, setCamera] = useState<ViewCamera | null>(null);
  const [flyTo, setFlyTo] = useState<FlyToRequest | null>(null);
  const [view, setView] = useState<Bbox | null>(null);
  return {
    visible,
    setVisible,
    toggle: useCallback((layer: MapLayerId, on: boolean) => setVisible((v) => ({ ...v, [layer]: on })), []),
    filters,
    setFilters,
    camera,
    setCamera,
    flyTo,
    view,
    setView,
    fly: useCallback(
      (target: FlyTarget) => setFlyTo((previous) => ({ ...target, seq: (previous?.seq ?? 0) + 1 })),
      [],
    ),
  };
}

export type MapState = ReturnType<typeof useMapState>;
