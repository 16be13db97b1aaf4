import { useCallback } from 'react';
import type { ApiClient } from './api';
import { MAP_LAYERS, type MapClick } from './map';
import { useViewUrl } from './url/use-view-url';
import type { ViewState } from './url/view-url';
import { visibleExcept, type useMapState } from './use-map-state';
import { useRestoreSelection } from './use-restore-selection';

/** The feature the address names: the substation panel's, else the zone panel's, else the popup's. */
export function selectedOf(
  substation: number | null,
  zone: number | null,
  popup: MapClick | null,
): ViewState['selected'] {
  if (substation !== null) return { layer: 'substations', id: substation };
  if (zone !== null) return { layer: 'zones', id: zone };
  return popup && { layer: popup.layer, id: popup.id };
}

type Openers = Parameters<typeof useRestoreSelection>[1];

/** The app's view in the address, and back: layers, filters, camera and the open feature. */
export function useAppUrl(
  api: ApiClient,
  mapState: ReturnType<typeof useMapState>,
  { selected, ...openers }: Openers & { selected: ViewState['selected'] },
): void {
  const { visible, filters, camera, setVisible, setFilters, setCamera, fly } = mapState;
  const restoreSelection = useRestoreSelection(api, openers);
  const restoreView = useCallback(
    (view: ViewState) => {
      setVisible(visibleExcept(view.hidden));
      setFilters(view.filters);
      if (view.camera) {
        setCamera(view.camera);
        fly(view.camera);
      }
      restoreSelection(view.selected, view.camera?.center ?? [0, 0]);
    },
    [setVisible, setFilters, setCamera, fly, restoreSelection],
  );
  useViewUrl({ camera, hidden: MAP_LAYERS.filter((l) => !visible[l]), filters, selected }, restoreView);
}
