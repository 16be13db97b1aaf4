import { useMemo, useState } from 'react';
import type { ApiClient } from './api';
import type { OnlineBasemapToggle } from './panels/layer-list';
import { useApiQuery } from './server-state/use-api-query';
import { queryKey } from './server-state/query-keys';

/**
 * The online basemap the deployment offers (GET /api/map-config), off until the planner switches it on, and
 * whether its tiles load: the map works the same without it.
 */
export function useOnlineBasemapChoice(api: ApiClient) {
  const config = useApiQuery(queryKey('map-config'), (signal) => api.mapConfig(signal));
  const [shown, setShown] = useState(false);
  const [failed, setFailed] = useState(false);
  const basemap = config.data?.onlineBasemap ?? null;
  const toggle = useMemo<OnlineBasemapToggle | null>(
    () => basemap && { attribution: basemap.attribution, shown, failed, onToggle: setShown },
    [basemap, shown, failed],
  );
  // The local PMTiles basemap, when the deployment has one: always drawn, no switch (docs/basemap.md).
  const pmtiles = config.data?.pmtilesBasemap ?? null;
  const map = useMemo(() => ({ basemap, shown, onFailed: setFailed, pmtiles }), [basemap, shown, pmtiles]);
  return { toggle, map };
}
