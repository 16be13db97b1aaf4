import { useMemo, useState } from 'react';
import type { ApiClient } from './api';
import { unexplainedFeatures } from './map/analysis-features';
import type { AnalysisOverlay } from './map/use-analysis-overlay';
import { UNEXPLAINED_RADIUS_KM } from './panels/unexplained-panel';
import { useApiQuery } from './server-state/use-api-query';
import { queryKey } from './server-state/query-keys';

/** The API's maximum `limit`: the substations' points are all wanted, to place the circles. */
const ALL = 50_000;

/**
 * Which analysis views are open (the unexplained-load list and circles, the mining signatures, the choropleth,
 * the progress report),
 * their answers from the API and what they put on the map.
 */
export function useAnalysisViews(api: ApiClient, asOf: string | null) {
  const [unexplainedOpen, setUnexplainedOpen] = useState(false);
  const [choropleth, setChoropleth] = useState(false);
  const [progressOpen, setProgressOpen] = useState(false);
  const [signaturesOpen, setSignaturesOpen] = useState(false);

  const unexplained = useApiQuery(
    // Follows the map's as-of day like the choropleth: that day's readings and statuses.
    unexplainedOpen ? queryKey('unexplained-load', UNEXPLAINED_RADIUS_KM, asOf) : null,
    (signal) => api.unexplainedLoad(UNEXPLAINED_RADIUS_KM, asOf, signal),
  );
  const points = useApiQuery(
    unexplainedOpen ? queryKey('layer', 'substations', { limit: ALL }) : null,
    (signal) => api.layer('substations', { limit: ALL }, signal),
  );
  // The same key as the readings chart's step: one answer for the list and the open substation.
  const signatures = useApiQuery(signaturesOpen ? queryKey('signatures', asOf) : null, (signal) =>
    api.signatures(asOf, signal),
  );
  const regionLoads = useApiQuery(choropleth ? queryKey('region-loads', asOf) : null, (signal) =>
    api.regionLoads(asOf, signal),
  );

  const overlay = useMemo<AnalysisOverlay>(
    () => ({
      unexplained:
        unexplainedOpen && unexplained.data && points.data
          ? unexplainedFeatures(unexplained.data, points.data)
          : null,
      regionLoads:
        choropleth && regionLoads.data
          ? new Map(regionLoads.data.map((r) => [r.regionId, r.totalLoadMw]))
          : null,
    }),
    [unexplainedOpen, unexplained.data, points.data, choropleth, regionLoads.data],
  );

  return {
    unexplainedOpen,
    setUnexplainedOpen,
    unexplained,
    choropleth,
    setChoropleth,
    regionLoads,
    progressOpen,
    setProgressOpen,
    signaturesOpen,
    setSignaturesOpen,
    signatures,
    overlay,
  };
}

export type AnalysisViews = ReturnType<typeof useAnalysisViews>;
