import { OfflineStatus } from './offline/offline-status';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { CAMPAIGN, todayInBeijing } from '@gridwatch/contract';
import type { ApiClient, Me } from './api';
import { AppSidebar } from './app-sidebar';
import {
  AnalysisState,
  AnalysisViewsState,
  LoadReportsState,
  MeasureState,
  OnlineBasemapState,
  SiteTableState,
  useApi,
  useMapViewState,
  useSessionUser,
  ZoneWorkflowState,
} from './app-state';
import { AppStateProvider } from './app-state-provider';
import { SitePanel } from './enforcement/site-panel';
import { useI18n } from './i18n';
import { MapKey } from './layout/map-key';
import { PendingChanges } from './offline/queue/pending-changes';
import { measureShape } from './measure/measure-shape';
import { isCompactScreen, PHONE_QUERY, useMedia } from './layout/use-narrow';
import { LayerList } from './panels/layer-list';
import { Legend } from './panels/legend';
import { useRegions } from './filters/use-regions';
import { ImportDialog } from './import/import-dialog';
import { initialBounds, MapView, type MapSnapshot } from './map';
import { ErrorList } from './panels/error-list';
import { SubstationPanel } from './panels/substation-panel';
import { ProgressPanel } from './progress/progress-panel';
import { ReportPage } from './report/report-page';
import { ReportsPanel } from './reports/reports-panel';
import { popupOf, substationOf, zoneOf } from './selection/selection';
import { useSelect, useSelection } from './selection/use-selection';
import { SelectionDetails } from './selection-details';
import { useDataWritten } from './server-state/use-data-written';
import { TableDock } from './table/table-dock';
import { AsOfControl } from './time/as-of-control';
import { useLayerInfos } from './use-layer-infos';
import { PasswordDialog } from './users/password-dialog';
import { UsersDialog } from './users/users-dialog';
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

/** Moves the keyboard's focus onto the map's canvas (the skip link's target), where the arrow keys pan it. */
function focusMap(event: React.MouseEvent) {
  const canvas = document.querySelector<HTMLElement>('.maplibregl-canvas');
  if (!canvas) return;
  event.preventDefault();
  canvas.focus();
}

/** The measure's result over the map, while measuring, beside what is drawn. */
function MeasureLabel() {
  const { locale } = useI18n();
  const measure = MeasureState.useValue();
  const result = measure.request ? measureShape(measure.shape, locale) : null;
  if (!result) return null;
  return (
    <output className="map-measure-label" data-testid="measure-map-label">
      {result}
    </output>
  );
}

/** The sidebar, the map and the panels floating over it, and the dialogs; each reads the app's state it shows. */
function AppScreen({ onLogout, onLogin }: Omit<Props, 'api' | 'user'>) {
  const api = useApi();
  const { permissions, user } = useSessionUser();
  const { t } = useI18n();
  const mapState = useMapViewState();
  const { filters, setFilters, view } = mapState;
  const analysis = AnalysisState.useValue();
  const views = AnalysisViewsState.useValue();
  const zones = ZoneWorkflowState.useValue();
  const table = SiteTableState.useValue();
  const online = OnlineBasemapState.useValue();
  const { errors, truncated } = LoadReportsState.useValue();
  const selection = useSelection();
  const select = useSelect();
  const phone = useMedia(PHONE_QUERY);
  // The side panel: open at first on a wide screen, closed on a phone or a tablet so that the map has the room.
  const [panelOpen, setPanelOpen] = useState(() => !isCompactScreen());
  const popup = popupOf(selection);
  const zoneId = zoneOf(selection);
  const infos = useLayerInfos(api);
  const regions = useRegions(api);
  const written = useDataWritten();
  const [importing, setImporting] = useState(false);
  const [reportOpen, setReportOpen] = useState(false);
  const [account, setAccount] = useState<'users' | 'password' | null>(null);
  const [reportsOpen, setReportsOpen] = useState(false);
  const closeReport = useCallback(() => setReportOpen(false), []);
  const snapshot = useRef<MapSnapshot>(null);
  // Today in Beijing, as the API counts days: the end of the as-of slider and the progress report's default.
  const [today] = useState(() => todayInBeijing(Date.now()));
  const setAsOf = useCallback((asOf: string | null) => setFilters((f) => ({ ...f, asOf })), [setFilters]);
  const bounds = useMemo(() => (infos.ready ? initialBounds(infos.layers) : null), [infos]);
  const siteId = popup?.layer === 'sites' ? popup.id : null;
  const substationId = substationOf(selection);

  // On a phone a sheet opened over the map (a chosen site's, a substation's from a list, the reports', the
  // progress') takes the place of the tools' sheet, which comes back when it closes: two sheets would cover each
  // other (the tools' sheet lies above the substation's).
  const sheetOverTools =
    phone && (siteId !== null || substationId !== null || reportsOpen || views.progressOpen);
  const panelShown = panelOpen && !sheetOverTools;
  const togglePanel = () => {
    if (!panelShown && sheetOverTools) {
      if (siteId !== null) select.closePopup();
      if (substationId !== null) select.closePanel();
      setReportsOpen(false);
      views.setProgressOpen(false);
    }
    setPanelOpen(!panelShown);
  };

  // Esc closes the top-most thing open: a dialog, then the site (panel and popup), then the panel under it.
  const escape = useRef<() => void>(() => {});
  useEffect(() => {
    escape.current = () => {
      if (document.querySelector('dialog[open]')) return;
      if (account) setAccount(null);
      else if (importing) setImporting(false);
      else if (reportOpen) setReportOpen(false);
      else if (popup) select.closePopup();
      else if (zoneId !== null || substationId !== null) select.closePanel();
      else if (reportsOpen) setReportsOpen(false);
      else if (views.progressOpen) views.setProgressOpen(false);
      else if (phone && panelShown) setPanelOpen(false);
    };
  });
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && !event.defaultPrevented) escape.current();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  const shownErrors =
    infos.ready && infos.error ? [{ layer: 'layerList' as const, message: infos.error }, ...errors] : errors;

  return (
    <div className={`app ${panelShown ? 'app--panel-open' : 'app--panel-closed'}`}>
      <OfflineStatus />
      <a className="skip-link" href="#map-pane" onClick={focusMap}>
        {t.layout.skipToMap}
      </a>
      {panelShown && (
        <AppSidebar
          onLogout={onLogout}
          onLogin={onLogin}
          onImport={() => setImporting(true)}
          onReport={() => setReportOpen(true)}
          onClose={() => setPanelOpen(false)}
          onPassword={() => setAccount('password')}
          onUsers={() => setAccount('users')}
          reportsOpen={reportsOpen}
          onReports={setReportsOpen}
        />
      )}
      <main
        className={`map-pane${siteId !== null || zoneId !== null || substationId !== null || zones.editing ? ' map-pane--side-panel' : ''}`}
        id="map-pane"
        tabIndex={-1}
        aria-label={t.layout.map}
      >
        {bounds && (
          <MapView
            initialBounds={bounds}
            snapshot={snapshot}
            // A phone has no room for a popup beside the site's bottom sheet: the sheet is the preview.
            popup={popup && !(phone && siteId !== null) ? <SelectionDetails api={api} popup={popup} /> : null}
          />
        )}
        <div className="map-overlay map-overlay--top-left">
          <button
            type="button"
            className="button map-overlay__panel-toggle"
            data-testid="panel-toggle"
            aria-expanded={panelShown}
            aria-controls={panelShown ? 'app-panel' : undefined}
            onClick={togglePanel}
          >
            {panelShown ? t.layout.hidePanel : t.layout.showPanel}
          </button>
          {permissions.changeStatus && user && <PendingChanges api={api} username={user.username} />}
          <MapKey>
            <LayerList
              infos={infos.ready ? infos.layers : []}
              visible={mapState.visible}
              onToggle={mapState.toggle}
              truncated={truncated}
              online={online.toggle}
            />
            <Legend />
          </MapKey>
        </div>
        {analysis.substationId !== null && (
          <SubstationPanel
            api={api}
            substationId={analysis.substationId}
            asOf={filters.asOf ?? null}
            today={today}
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
        {siteId !== null && (
          <SitePanel
            key={siteId}
            api={api}
            siteId={siteId}
            canChangeStatus={permissions.changeStatus}
            canRetire={permissions.retireSites}
          />
        )}
        <ErrorList errors={shownErrors} />
        <MeasureLabel />
      </main>
      {account === 'users' && user && (
        <UsersDialog api={api} me={user.username} onClose={() => setAccount(null)} />
      )}
      {account === 'password' && <PasswordDialog api={api} onClose={() => setAccount(null)} />}
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
