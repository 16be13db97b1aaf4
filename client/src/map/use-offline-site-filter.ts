import { useEffect, useRef } from 'react';
import type { Map } from 'maplibre-gl';
import { THEMES } from '@gridwatch/contract';
import type { MapFilters } from '../filters/map-filters';
import { filterSites } from '../offline/offline-search';
import { savedSites } from '../offline/saved-sites';
import { useOnline } from '../offline/use-online';
import { offlineSiteQuery, originalFilters, siteLayerFilter } from './offline-site-filter';

const ORIGINAL = originalFilters(THEMES.sites);

/**
 * Offline, the sites drawn are those of the saved tiles the filters keep (offline-site-filter.ts); online the
 * server filters the tiles and the style's own filters stand. The data loader asks for the saved, unfiltered tile
 * URLs while offline (data-loader.ts).
 */
export function useOfflineSiteFilter(map: Map | null, filters: MapFilters): void {
  const online = useOnline();
  // Whether the style holds an offline filter: online the layers' filters are left alone unless one was set
  // (resetting them on every filter change replaced filters other hooks had set, e.g. the as-of day's).
  const applied = useRef(false);
  useEffect(() => {
    if (!map) return;
    const apply = (ids: readonly number[] | null) => {
      applied.current = ids !== null;
      for (const [id, original] of ORIGINAL) map.setFilter(id, siteLayerFilter(original, ids));
    };
    const query = online ? null : offlineSiteQuery(filters);
    if (!query) {
      if (applied.current) apply(null);
      return;
    }
    let current = true;
    void savedSites().then((sites) => {
      if (current) apply(filterSites(sites, query).map((s) => s.id));
    });
    return () => {
      current = false;
    };
  }, [map, online, filters]);
}
