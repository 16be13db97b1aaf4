import { useCallback, useMemo, useRef, useState } from 'react';
import { CAMPAIGN, todayInBeijing } from '@gridwatch/contract';
import type { ApiClient, Me } from './api';
import { AppSidebar } from './app-sidebar';
import {
  AnalysisState,
  AnalysisViewsState,
  LoadReportsState,
  OnlineBasemapState,
  SiteTableState,
  useApi,
  useMapViewState,
  useSessionUser,
  ZoneWorkflowState,
} from './app-state';
import { AppStateProvider } from './app-state-provider';
import { useRegions } from './filters/use-regions';
import { ImportDialog } from './import/import-dialog';
import { initialBounds, MapView, type MapSnapshot } from './map';
import { ErrorList } from './panels/error-list';
import { SubstationPanel } from './panels/substation-panel';
import { ProgressPanel } from './progress/progress-panel';
import { ReportPage } from './report/report-page';
import { ReportsPanel } from './reports/reports-panel';
import { popupOf, zoneOf } from './selection/selection';
import { useSelection } from './selection/use-selection';
import { SelectionDetails } from './selection-details';
import { useDataWritten } from './server-state/use-data-written';
import { TableDock } from './table/table-dock';
import { AsOfControl } from './time/as-of-control';
import { useLayerInfos } from './use-layer-infos';
import { NewZonePanel } from './zones/new-zone-panel';
import { ZonePanel } from './zones/zone-panel';
import './app.css';
import './panels/analysis-panels.css';
import './workflow.css';

interface Props {
  api: ApiClient;
  /** null: nobody logged in, reading a public deployment. */
  user: Me | null;
  onLogout: () => void;
  onLogin: () => void;
}

export function App({ api, user, onLogout, onLogin }: Props) {
  return (
    <AppStateProvider api={api} user={user}>
      <AppScreen onLogout={onLogout} onLogin={onLogin} />
    </AppStateProvider>
  );
}

/** The sidebar, the map and the panels floating over it, and the dialogs; each reads the app's state it shows. */
function AppScreen({ onLogout, onLogin }: Omit<Props, 'api' | 'user'>) {
  const api = useApi();
  const { permissions } = useSessionUser();
  const { filters, setFilters, view } = useMapViewState();
  const analysis = AnalysisState.useValue();
  const views = AnalysisViewsState.useValue();
  const zones = ZoneWorkflowState.useValue();
  const table = SiteTableState.useValue();
  const online = OnlineBasemapState.useValue();
  const { errors } = LoadReportsState.useValue();
  const selection = useSelection();
  const popup = popupOf(selection);
  const zoneId = zoneOf(selection);
  const infos = useLayerInfos(api);
  const regions = useRegions(api);
  const written = useDataWritten();
  const [importing, setImporting] = useState(false);
  const [reportOpen, setReportOpen] = useState(false);
  const [reportsOpen, setReportsOpen] = useState(false);
  const closeReport = useCallback(() => setReportOpen(false), []);
  const snapshot = useRef<MapSnapshot>(null);
  // Today in Beijing, as the API counts days: the end of the as-of slider and the progress report's default.
  const [today] = useState(() => todayInBeijing(Date.now()));
  const setAsOf = useCallback((asOf: string | null) => setFilters((f) => ({ ...f, asOf })), [setFilters]);
  const bounds = useMemo(() => (infos.ready ? initialBounds(infos.layers) : null), [infos]);
  const shownErrors =
    infos.ready && infos.error ? [{ layer: 'layerList' as const, message: infos.error }, ...errors] : errors;

  return (
    <div className="app">
      <AppSidebar
        onLogout={onLogout}
        onLogin={onLogin}
        onImport={() => setImporting(true)}
        onReport={() => setReportOpen(true)}
        reportsOpen={reportsOpen}
        onReports={setReportsOpen}
      />
      <main className="map-pane">
        {bounds && (
          <MapView
            initialBounds={bounds}
            snapshot={snapshot}
            popup={
              popup && (
                <SelectionDetails
                  api={api}
                  popup={popup}
                  canChangeStatus={permissions.changeStatus}
                  canRetire={permissions.retireSites}
                />
              )
            }
          />
        )}
        {analysis.substationId !== null && (
          <SubstationPanel
            substationId={analysis.substationId}
            substation={analysis.substation}
            load={analysis.load}
            settings={analysis.settings}
            onRadius={analysis.setRadius}
            onIncludeSuspected={analysis.setIncludeSuspected}
            pickedSite={analysis.picked}
            onPickSite={analysis.pick}
            onClose={analysis.close}
          />
        )}
        {views.progressOpen && (
          <ProgressPanel
            api={api}
            asOf={filters.asOf ?? today}
            onClose={() => views.setProgressOpen(false)}
          />
        )}
        {reportsOpen && <ReportsPanel api={api} onClose={() => setReportsOpen(false)} />}
        {zones.editing?.kind === 'new' && zones.editing.request.kind === 'draw' && (
          <NewZonePanel workflow={zones} shape={zones.editing.request.shape} />
        )}
        {zoneId !== null && zones.editing?.kind !== 'new' && (
          <ZonePanel api={api} zoneId={zoneId} workflow={zones} permissions={permissions} />
        )}
        <div className="map-footer">
          <AsOfControl value={filters.asOf} min={CAMPAIGN.start} max={today} onChange={setAsOf} />
          <TableDock
            api={api}
            scope={zoneId !== null ? { zoneId } : view && { bbox: view, filters }}
            hovered={table.hovered}
            onHover={table.hoverSite}
            selected={popup?.layer === 'sites' ? popup.id : null}
            onChoose={table.choose}
          />
        </div>
        <ErrorList errors={shownErrors} />
      </main>
      {importing && (
        <ImportDialog api={api} onClose={() => setImporting(false)} onImported={(layer) => written(layer)} />
      )}
      {reportOpen && (
        <ReportPage
          api={api}
          asOf={filters.asOf ?? today}
          filters={filters}
          view={view}
          hotspots={analysis.hotspots}
          hotspotSettings={analysis.settings}
          snapshot={snapshot}
          regions={regions}
          onlineCredit={online.map.shown ? (online.map.basemap?.attribution ?? null) : null}
          onClose={closeReport}
        />
      )}
    </div>
  );
}
