import { useCallback, type Dispatch, type SetStateAction } from 'react';
import type { ApiClient } from './api';
import type { MapClick } from './map';
import { pointOf } from './point-of';
import type { ViewState } from './url/view-url';

interface Openers {
  /** Opens a feature as a click on it would. */
  open: (click: MapClick) => void;
  closeSubstation: () => void;
  selectZone: (id: number | null) => void;
  setSelection: Dispatch<SetStateAction<MapClick | null>>;
}

/**
 * Opens the feature a view from the address names, closing whatever else is open. The popup starts at `at` (the
 * view's centre) and moves onto a point feature once its position has come from the API.
 */
export function useRestoreSelection(api: ApiClient, openers: Openers) {
  const { open, closeSubstation, selectZone, setSelection } = openers;
  return useCallback(
    (selected: ViewState['selected'], at: [number, number]) => {
      closeSubstation();
      selectZone(null);
      setSelection(null);
      if (!selected) return;
      const { layer, id } = selected;
      open({ layer, id, lngLat: at });
      if (layer === 'substations' || layer === 'zones') return;
      api
        .feature(layer, id)
        .then((feature) => {
          const point = pointOf(feature);
          if (!point) return;
          setSelection((s) => (s?.layer === layer && s.id === id ? { ...s, lngLat: point } : s));
        })
        // The popup stays where it opened; its own details report the failure.
        .catch(() => undefined);
    },
    [api, open, closeSubstation, selectZone, setSelection],
  );
}
