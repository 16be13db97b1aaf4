import { useMemo, useState } from 'react';
import type { ApiClient } from './api';
import { unexplainedFeatures, type AnalysisOverlay } from './map';
import { UNEXPLAINED_RADIUS_KM } from './panels/unexplained-panel';
import { useApiQuery } from './panels/use-api-query';

/** The API's maximum `limit`: the substations' points are all wanted, to place the circles. */
const ALL = 50_000;

/**
 * Which analysis views are open (the unexplained-load list and circles, the choropleth, the progress report),
 * their answers from the API and what they put on the map.
 * `revision` counts this client's status changes, which change every one of these answers.
 */
export function useAnalysisViews(api: ApiClient, revision: number, asOf: string | null) {
  const [unexplainedOpen, setUnexplainedOpen] = useState(false);
  const [choropleth, setChoropleth] = useState(false);
  const [progressOpen, setProgressOpen] = useState(false);

  const unexplained = useApiQuery(unexplainedOpen ? `unexplained/${revision}` : null, (signal) =>
    api.unexplainedLoad(UNEXPLAINED_RADIUS_KM, signal),
  );
  // Substations do not move with a status change: their points are asked for once per opening.
  const points = useApiQuery(unexplainedOpen ? 'substation-points' : null, (signal) =>
    api.layer('substations', { limit: ALL }, signal),
  );
  const regionLoads = useApiQuery(choropleth ? `regions/${revision}/${asOf ?? 'now'}` : null, (signal) =>
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
    overlay,
  };
}

export type AnalysisViews = ReturnType<typeof useAnalysisViews>;
