import { useCallback, useMemo, useRef, useState } from 'react';
import type { ApiClient, Bbox, Me, SiteNear } from './api';
import { AppSidebar } from './app-sidebar';
import { permissionsOf } from './auth/permissions';
import { useI18n } from './i18n';
import { ImportDialog } from './import/import-dialog';
import { initialBounds, MapView, type MapClick, type MapSnapshot } from './map';
import { ErrorList } from './panels/error-list';
import { SubstationPanel } from './panels/substation-panel';
import { pointOf } from './point-of';
import { SelectionDetails } from './selection-details';
import { useAnalysis } from './use-analysis';
import { useAnalysisViews } from './use-analysis-views';
import { ProgressPanel } from './progress/progress-panel';
import { ReportPage } from './report/report-page';
import { CAMPAIGN } from '@gridwatch/contract';
import { AsOfControl } from './time/as-of-control';
import { todayInBeijing } from '@gridwatch/contract';
import { useLayerInfos } from './use-layer-infos';
import { useOnlineBasemapChoice } from './use-online-basemap-choice';
import { useRegions } from './filters/use-regions';
import { useLoadReports } from './use-load-reports';
import { selectedOf, useAppUrl } from './use-app-url';
import { useRevisions } from './use-revisions';
import { useMapState } from './use-map-state';
import { useMeasureState } from './use-measure-state';
import { useSiteTable } from './use-site-table';
import { TableDock } from './table/table-dock';
import { useSearchChoice } from './use-search-choice';
import { NewZonePanel } from './zones/new-zone-panel';
import { useZoneWorkflow } from './zones/use-zone-workflow';
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
  const { locale } = useI18n();
  const permissions = permissionsOf(user?.role ?? null);
  const infos = useLayerInfos(api);
  const mapState = useMapState();
  const { visible, filters, setFilters, setCamera, fly } = mapState;
  const analysis = useAnalysis(api, filters.asOf);
  const { revisions, bump } = useRevisions();
  const zones = useZoneWorkflow(
    api,
    useCallback(() => bump('zones'), [bump]),
  );
  const views = useAnalysisViews(api, revisions.sites, filters.asOf);
  const [selection, setSelection] = useState<MapClick | null>(null);
  const [view, setView] = useState<Bbox | null>(null);
  const [importing, setImporting] = useState(false);
  const online = useOnlineBasemapChoice(api);
  const regions = useRegions(api);
  const [reportOpen, setReportOpen] = useState(false);
  const closeReport = useCallback(() => setReportOpen(false), []);
  const snapshot = useRef<MapSnapshot>(null);
  const { errors, truncated, events } = useLoadReports();
  // Today in Beijing, as the API counts days: the end of the as-of slider and the progress report's default.
  const [today] = useState(() => todayInBeijing(Date.now()));
  const setAsOf = useCallback((asOf: string | null) => setFilters((f) => ({ ...f, asOf })), [setFilters]);
  const closePopup = useCallback(() => setSelection(null), []);
  const { open, pick, close } = analysis;
  const { select } = zones;
  // A substation's details are its panel, with the load around it; a zone's are the zone panel; every other
  // feature gets a popup. The floating panels share a place, so opening one closes the other.
  const onMapClick = useCallback(
    (click: MapClick | null) => {
      if (click?.layer === 'substations') {
        open(click.id, false);
        select(null);
      }
      if (click?.layer === 'zones') {
        select(click.id);
        close();
      }
      setSelection(click?.layer === 'substations' || click?.layer === 'zones' ? null : click);
    },
    [open, select, close],
  );
  const chooseHit = useSearchChoice(fly, onMapClick);
  const table = useSiteTable(fly, onMapClick);
  const measure = useMeasureState();
  const focus = useMemo(() => ({ ...analysis.focus, hover: table.ring }), [analysis.focus, table.ring]);
  useAppUrl(api, mapState, {
    open: onMapClick,
    closeSubstation: close,
    selectZone: select,
    setSelection,
    selected: selectedOf(analysis.substationId, zones.selected, selection),
  });
  const pickSite = useCallback(
    (site: SiteNear) => {
      pick(site);
      const at = pointOf(site);
      if (at) setSelection({ layer: 'sites', id: site.id, lngLat: at });
    },
    [pick],
  );
  const openHotspot = useCallback(
    (id: number) => {
      open(id, true);
      select(null);
    },
    [open, select],
  );
  const bounds = useMemo(() => (infos.ready ? initialBounds(infos.layers) : null), [infos]);
  const shownErrors =
    infos.ready && infos.error ? [{ layer: 'layerList' as const, message: infos.error }, ...errors] : errors;
  const statusChanged = useCallback(() => bump('sites'), [bump]);
  const dataRevision = `${revisions.zones}/${revisions.sites}`;

  return (
    <div className="app">
      <AppSidebar
        api={api}
        user={user}
        permissions={permissions}
        onLogout={onLogout}
        onLogin={onLogin}
        onImport={() => setImporting(true)}
        onReport={() => setReportOpen(true)}
        onSearch={chooseHit}
        measure={measure}
        zones={zones}
        zonesRevision={revisions.zones}
        analysis={analysis}
        views={views}
        onOpenHotspot={openHotspot}
        view={view}
        filters={filters}
        onFilters={setFilters}
        layers={infos.ready ? infos.layers : []}
        visible={visible}
        onToggle={mapState.toggle}
        truncated={truncated}
        online={online.toggle}
        regions={regions}
      />
      <main className="map-pane">
        {bounds && (
          <MapView
            api={api}
            initialBounds={bounds}
            visible={visible}
            filters={filters}
            lang={locale}
            events={events}
            onClick={onMapClick}
            focus={focus}
            onHoverSite={table.hoverId}
            overlay={views.overlay}
            camera={analysis.camera}
            flyTo={mapState.flyTo}
            revisions={revisions}
            zoneEdit={zones.editing?.request ?? null}
            onZoneShape={zones.onShape}
            measure={measure.request}
            onMeasureShape={measure.setShape}
            onView={setView}
            onCamera={setCamera}
            onlineBasemap={online.map}
            snapshot={snapshot}
            popup={
              selection && {
                lngLat: selection.lngLat,
                onClose: closePopup,
                content: (
                  <SelectionDetails
                    api={api}
                    selection={selection}
                    canChangeStatus={permissions.changeStatus}
                    onStatusChanged={statusChanged}
                  />
                ),
              }
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
            onPickSite={pickSite}
            onClose={analysis.close}
          />
        )}
        {views.progressOpen && (
          <ProgressPanel
            api={api}
            asOf={filters.asOf ?? today}
            revision={revisions.sites}
            onClose={() => views.setProgressOpen(false)}
          />
        )}
        {zones.editing?.kind === 'new' && zones.editing.request.kind === 'draw' && (
          <NewZonePanel workflow={zones} shape={zones.editing.request.shape} />
        )}
        {zones.selected !== null && zones.editing?.kind !== 'new' && (
          <ZonePanel
            api={api}
            zoneId={zones.selected}
            workflow={zones}
            permissions={permissions}
            revision={dataRevision}
          />
        )}
        <div className="map-footer">
          <AsOfControl value={filters.asOf} min={CAMPAIGN.start} max={today} onChange={setAsOf} />
          <TableDock
            api={api}
            scope={zones.selected !== null ? { zoneId: zones.selected } : view && { bbox: view, filters }}
            revision={revisions.sites}
            hovered={table.hovered}
            onHover={table.hoverSite}
            selected={selection?.layer === 'sites' ? selection.id : null}
            onChoose={table.choose}
          />
        </div>
        <ErrorList errors={shownErrors} />
      </main>
      {importing && (
        <ImportDialog api={api} onClose={() => setImporting(false)} onImported={(layer) => bump(layer)} />
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
