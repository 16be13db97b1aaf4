import { useEffect } from 'react';
import type { Map } from 'maplibre-gl';
import { chosenRegionFilter } from '@gridwatch/contract';

/** Outlines the region the filters narrow the points to, so the planner sees which area is kept. */
export function useChosenRegion(map: Map | null, regionId: number | null): void {
  useEffect(() => {
    map?.setFilter('regions-chosen', chosenRegionFilter(regionId));
  }, [map, regionId]);
}
