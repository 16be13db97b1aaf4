import type { ApiClient, Me } from './api';
import type { Permissions } from './auth/permissions';
import { stateContext } from './state-context';
import type { useAnalysis } from './use-analysis';
import type { AnalysisViews } from './use-analysis-views';
import type { useLoadReports } from './use-load-reports';
import type { MapState } from './use-map-state';
import type { useMeasureState } from './use-measure-state';
import type { useOnlineBasemapChoice } from './use-online-basemap-choice';
import type { useSiteTable } from './use-site-table';
import type { ZoneWorkflow } from './zones/use-zone-workflow';

/**
 * The app's state that the map and the panels read for themselves, each piece in its own context (App provides
 * them all), so that no component is handed what it only passes on.
 */
export const ApiState = stateContext<ApiClient>('the API client');
export const SessionState = stateContext<{ user: Me | null; permissions: Permissions }>('the session');
export const MapViewState = stateContext<MapState>('the map state');
export const LoadReportsState = stateContext<ReturnType<typeof useLoadReports>>('the load reports');
export const MeasureState = stateContext<ReturnType<typeof useMeasureState>>('the measure');
export const ZoneWorkflowState = stateContext<ZoneWorkflow>('the zone workflow');
export const AnalysisState = stateContext<ReturnType<typeof useAnalysis>>('the analysis');
export const AnalysisViewsState = stateContext<AnalysisViews>('the analysis views');
export const SiteTableState = stateContext<ReturnType<typeof useSiteTable>>('the attribute table link');
export const OnlineBasemapState =
  stateContext<ReturnType<typeof useOnlineBasemapChoice>>('the online basemap');

export const useApi = ApiState.useValue;
export const useSessionUser = SessionState.useValue;
export const useMapViewState = MapViewState.useValue;
