import { useCallback } from 'react';
import type { ApiClient } from './api';
import { MAP_LAYERS } from './map/map-layers';
import { linkedOf } from './selection/selection';
import { useSelect, useSelection } from './selection/use-selection';
import { useViewUrl } from './url/use-view-url';
import type { ViewState } from './url/view-url';
import { visibleExcept, type MapState } from './use-map-state';
import { useRestoreSelection } from './use-restore-selection';

/** The app's view in the address, and back: layers, filters, camera and the open feature. */
export function useAppUrl(api: ApiClient, mapState: MapState): void {
  const { visible, filters, camera, setVisible, setFilters, setCamera, fly } = mapState;
  const selected = linkedOf(useSelection());
  const restoreSelection = useRestoreSelection(api, useSelect());
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
