import { useEffect } from 'react';
import type { GeoJSONSource, Map } from 'maplibre-gl';
import type { UnexplainedFeatures } from './analysis-features';
import { REGION_LOAD_STATE } from '@gridwatch/contract';

/** What the analysis panels put on the map; null is off. */
export interface AnalysisOverlay {
  /** The graduated circles of unexplained load (analysis-features.ts). */
  unexplained: UnexplainedFeatures | null;
  /** Unlicensed MW by region id, for the choropleth. */
  regionLoads: ReadonlyMap<number, number> | null;
}

export const NO_OVERLAY: AnalysisOverlay = { unexplained: null, regionLoads: null };

const EMPTY = { type: 'FeatureCollection' as const, features: [] };

/**
 * Mirrors the overlays into the map: the circles' source and visibility; the regions' loads as feature state
 * of the regions source (so a reload of the regions keeps its colours), shown while the regions layer is on.
 */
export function useAnalysisOverlay(map: Map | null, overlay: AnalysisOverlay, regionsVisible: boolean): void {
  const { unexplained, regionLoads } = overlay;
  useEffect(() => {
    if (!map) return;
    map.getSource<GeoJSONSource>('unexplained')?.setData(unexplained ?? EMPTY);
    map.setLayoutProperty('unexplained-circles', 'visibility', unexplained ? 'visible' : 'none');
  }, [map, unexplained]);

  useEffect(() => {
    if (!map) return;
    // The regions source has no other feature state: clearing it all drops the previous answer's values.
    map.removeFeatureState({ source: 'regions' });
    if (regionLoads) {
      for (const [id, mw] of regionLoads)
        map.setFeatureState({ source: 'regions', id }, { [REGION_LOAD_STATE]: mw });
    }
    map.setLayoutProperty(
      'regions-choropleth',
      'visibility',
      regionLoads && regionsVisible ? 'visible' : 'none',
    );
  }, [map, regionLoads, regionsVisible]);
}
