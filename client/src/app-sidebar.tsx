import {
  AnalysisState,
  AnalysisViewsState,
  MeasureState,
  OnlineBasemapState,
  useApi,
  useMapViewState,
  useSessionUser,
  ZoneWorkflowState,
} from './app-state';
import { ApiTokensSection } from './api-tokens/api-tokens-section';
import { UserBar } from './auth/user-bar';
import { ExportSection } from './export/export-section';
import { FilterPanel } from './filters/filter-panel';
import { useRegions } from './filters/use-regions';
import { useI18n } from './i18n';
import { HotspotsPanel } from './panels/hotspots-panel';
import { RegionLoadPanel } from './panels/region-load-panel';
import { SignaturePanel } from './panels/signature-panel';
import { UnexplainedPanel } from './panels/unexplained-panel';
import { ProgressEntry } from './progress/progress-entry';
import { ReportEntry } from './report/report-entry';
import { ReportsEntry } from './reports/reports-entry';
import { SearchBox } from './panels/search-box';
import { Sidebar } from './panels/sidebar';
import { MeasureTool } from './measure/measure-tool';
import { NearMeSection, serverSitesAround } from './offline/near-me-section';
import { OfflineAreasSection } from './offline/offline-areas-section';
import { substationOf, zoneOf } from './selection/selection';
import { useSelect, useSelection } from './selection/use-selection';
import { useSearchChoice } from './use-search-choice';
import { ZonesSection } from './zones/zones-section';

interface Props {
  onLogout: () => void;
  onLogin: () => void;
  onImport: () => void;
  /** Opens the printable report of the current view and day. */
  onReport: () => void;
  /** Hides the panel (the map then has the whole screen). */
  onClose: () => void;
  onPassword: () => void;
  onUsers: () => void;
  /** The periodic reports' panel: whether it is open, and the way to open or close it. */
  reportsOpen: boolean;
  onReports: (open: boolean) => void;
}

/**
 * The sidebar's sections, top to bottom: who is in, the search, the import, zones, the analysis (hotspots,
 * unexplained load, mining signatures, load by prefecture, progress report, printable report), filters, export, measure. The layers and
 * the legend are on the map (layout/map-key.tsx). One more panel is one more child here. Each reads the app's state it shows; the props are the ways out of the sidebar.
 */
export function AppSidebar({
  onLogout,
  onLogin,
  onImport,
  onReport,
  onClose,
  onPassword,
  onUsers,
  reportsOpen,
  onReports,
}: Props) {
  const { t } = useI18n();
  const api = useApi();
  const { user, permissions } = useSessionUser();
  const mapState = useMapViewState();
  const analysis = AnalysisState.useValue();
  const views = AnalysisViewsState.useValue();
  const measure = MeasureState.useValue();
  const regions = useRegions(api);
  const select = useSelect();
  const selection = useSelection();
  const openSubstation = substationOf(selection);
  const pmtiles = OnlineBasemapState.useValue().map.pmtiles;
  const onSearch = useSearchChoice(mapState.fly, select.choose);
  return (
    <Sidebar
      user={
        <UserBar
          user={user}
          onLogout={onLogout}
          onLogin={onLogin}
          onPassword={onPassword}
          onUsers={user?.role === 'admin' ? onUsers : null}
        />
      }
      onClose={onClose}
    >
      <SearchBox api={api} onChoose={onSearch} />
      <NearMeSection sitesAround={serverSitesAround(api)} />
      <OfflineAreasSection api={api} zoneId={zoneOf(selection)} view={mapState.view} pmtiles={pmtiles} />
      {permissions.importData && (
        <section className="panel-section">
          <button type="button" className="button" data-testid="import-open" onClick={onImport}>
            {t.importDialog.open}
          </button>
        </section>
      )}
      {permissions.manageApiTokens && <ApiTokensSection api={api} />}
      <ZonesSection api={api} workflow={ZoneWorkflowState.useValue()} canEdit={permissions.editZones} />
      <HotspotsPanel
        hotspots={analysis.hotspots}
        settings={analysis.settings}
        onRadius={analysis.setRadius}
        selected={openSubstation}
        onOpen={analysis.open}
      />
      <UnexplainedPanel
        open={views.unexplainedOpen}
        onOpen={views.setUnexplainedOpen}
        rows={views.unexplained}
        selected={openSubstation}
        onChoose={analysis.open}
      />
      <SignaturePanel
        open={views.signaturesOpen}
        onOpen={views.setSignaturesOpen}
        list={views.signatures}
        selected={openSubstation}
        onChoose={analysis.open}
      />
      <RegionLoadPanel
        on={views.choropleth}
        onToggle={views.setChoropleth}
        loads={views.regionLoads}
        regionsVisible={mapState.visible.regions}
      />
      <ProgressEntry open={views.progressOpen} onOpen={views.setProgressOpen} />
      <ReportEntry onOpen={onReport} />
      {user && <ReportsEntry open={reportsOpen} onOpen={onReports} />}
      <FilterPanel api={api} filters={mapState.filters} regions={regions} onChange={mapState.setFilters} />
      <ExportSection view={mapState.view} filters={mapState.filters} />
      <MeasureTool request={measure.request} onRequest={measure.start} shape={measure.shape} />
    </Sidebar>
  );
}
