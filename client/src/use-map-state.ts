import { useCallback, useState } from 'react';
import { NO_FILTERS } from './filters/map-filters';
import { MAP_LAYERS, type FlyTarget, type FlyToRequest, type MapLayerId, type ViewCamera } from './map';

export type Visibility = Record<MapLayerId, boolean>;

export const visibleExcept = (hidden: readonly MapLayerId[]): Visibility =>
  Object.fromEntries(MAP_LAYERS.map((l) => [l, !hidden.includes(l)])) as Visibility;

/** What the map shows, as the app holds it: the layers on, the filters, where it looks and where it is sent. */
export function useMapState() {
  const [visible, setVisible] = useState<Visibility>(() => visibleExcept([]));
  const [filters, setFilters] = useState(NO_FILTERS);
  const [camera, setCamera] = useState<ViewCamera | null>(null);
  const [flyTo, setFlyTo] = useState<FlyToRequest | null>(null);
  return {
    visible,
    setVisible,
    toggle: useCallback((layer: MapLayerId, on: boolean) => setVisible((v) => ({ ...v, [layer]: on })), []),
    filters,
    setFilters,
    camera,
    setCamera,
    flyTo,
    fly: useCallback(
      (target: FlyTarget) => setFlyTo((previous) => ({ ...target, seq: (previous?.seq ?? 0) + 1 })),
      [],
    ),
  };
}
