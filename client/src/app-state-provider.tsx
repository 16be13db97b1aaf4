import { useMemo, useState, type ReactNode } from 'react';
import type { ApiClient, Me } from './api';
import {
  AnalysisState,
  AnalysisViewsState,
  ApiState,
  LoadReportsState,
  MapViewState,
  MeasureState,
  OnlineBasemapState,
  SessionState,
  SiteTableState,
  ZoneWorkflowState,
} from './app-state';
import { permissionsOf } from './auth/permissions';
import { provide } from './state-context';
import { createSelectionStore, SelectionContext, useSelect } from './selection/use-selection';
import { useAnalysis } from './use-analysis';
import { useAnalysisViews } from './use-analysis-views';
import { useAppUrl } from './use-app-url';
import { useLoadReports } from './use-load-reports';
import { useMapState } from './use-map-state';
import { useMeasureState } from './use-measure-state';
import { useOnlineBasemapChoice } from './use-online-basemap-choice';
import { useSiteTable } from './use-site-table';
import { useZoneWorkflow } from './zones/use-zone-workflow';

interface Props {
  api: ApiClient;
  /** null: nobody logged in, reading a public deployment. */
  user: Me | null;
  children: ReactNode;
}

/** Holds the app's state for one session and gives each piece to whatever reads it (app-state.ts). */
export function AppStateProvider({ api, user, children }: Props) {
  const [selection] = useState(createSelectionStore);
  return (
    <SelectionContext value={selection}>
      <AppStateHolder api={api} user={user}>
        {children}
      </AppStateHolder>
    </SelectionContext>
  );
}

/** Inside the selection's provider: the analysis, the zones and the table set the selection. */
function AppStateHolder({ api, user, children }: Props) {
  const session = useMemo(
    () => ({ user, permissions: permissionsOf(user?.role ?? null, user?.utilityId ?? null) }),
    [user],
  );
  const mapState = useMapState();
  const analysis = useAnalysis(api, mapState.filters.asOf);
  const views = useAnalysisViews(api, mapState.filters.asOf);
  const zones = useZoneWorkflow(api);
  const measure = useMeasureState();
  const reports = useLoadReports();
  const online = useOnlineBasemapChoice(api);
  const table = useSiteTable(mapState.fly, useSelect().choose);
  useAppUrl(api, mapState);
  const providers = [
    provide(ApiState, api),
    provide(SessionState, session),
    provide(MapViewState, mapState),
    provide(LoadReportsState, reports),
    provide(AnalysisState, analysis),
    provide(AnalysisViewsState, views),
    provide(ZoneWorkflowState, zones),
    provide(MeasureState, measure),
    provide(SiteTableState, table),
    provide(OnlineBasemapState, online),
  ];
  return providers.reduceRight<ReactNode>((inner, wrap) => wrap(inner), children);
}
