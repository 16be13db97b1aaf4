import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { ApiClient } from './api';
import { pointOf } from './point-of';
import { choose, movePopup, NO_SELECTION } from './selection/selection';
import type { SelectActions } from './selection/use-selection';
import { queryKey } from './server-state/query-keys';
import type { ViewState } from './url/view-url';

/**
 * Opens the feature a view from the address names, closing whatever else is open. The popup starts at `at` (the
 * view's centre) and moves onto a point feature once its position has come from the API.
 */
export function useRestoreSelection(api: ApiClient, select: SelectActions) {
  const queryClient = useQueryClient();
  return useCallback(
    (selected: ViewState['selected'], at: [number, number]) => {
      select.set(choose(NO_SELECTION, selected && { ...selected, at }));
      if (!selected) return;
      const { layer, id } = selected;
      if (layer === 'substations' || layer === 'zones') return;
      // Through the cache: the popup's details read the same answer.
      queryClient
        .fetchQuery({
          queryKey: queryKey('feature', layer, id),
          queryFn: ({ signal }) => api.feature(layer, id, signal),
        })
        .then((feature) => {
          const point = pointOf(feature);
          if (point) select.set((s) => movePopup(s, layer, id, point));
        })
        // The popup stays where it opened; its own details report the failure.
        .catch(() => undefined);
    },
    [api, select, queryClient],
  );
}
