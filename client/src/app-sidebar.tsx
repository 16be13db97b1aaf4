import type { ApiClient, Bbox, LayerInfo, Me, SearchHit } from './api';
import type { Permissions } from './auth/permissions';
import { UserBar } from './auth/user-bar';
import { ExportSection } from './export/export-section';
import { FilterPanel } from './filters/filter-panel';
import type { RegionName } from './filters/use-regions';
import type { MapFilters } from './filters/map-filters';
import { useI18n } from './i18n';
import type { MapLayerId } from './map';
import { HotspotsPanel } from './panels/hotspots-panel';
import { RegionLoadPanel } from './panels/region-load-panel';
import { UnexplainedPanel } from './panels/unexplained-panel';
import { ProgressEntry } from './progress/progress-entry';
import { ReportEntry } from './report/report-entry';
import { LayerList, type OnlineBasemapToggle } from './panels/layer-list';
import { Legend } from './panels/legend';
import { SearchBox } from './panels/search-box';
import { Sidebar } from './panels/sidebar';
import { MeasureTool } from './measure/measure-tool';
import type { useMeasureState } from './use-measure-state';
import type { useAnalysis } from './use-analysis';
import type { AnalysisViews } from './use-analysis-views';
import type { ZoneWorkflow } from './zones/use-zone-workflow';
import { ZonesSection } from './zones/zones-section';

interface Props {
  api: ApiClient;
  user: Me | null;
  permissions: Permissions;
  onLogout: () => void;
  onLogin: () => void;
  onImport: () => void;
  /** Opens the printable report of the current view and day. */
  onReport: () => void;
  onSearch: (hit: SearchHit) => void;
  measure: ReturnType<typeof useMeasureState>;
  zones: ZoneWorkflow;
  zonesRevision: number;
  analysis: ReturnType<typeof useAnalysis>;
  views: AnalysisViews;
  onOpenHotspot: (id: number) => void;
  view: Bbox | null;
  filters: MapFilters;
  onFilters: (filters: MapFilters) => void;
  layers: readonly LayerInfo[];
  visible: Readonly<Record<MapLayerId, boolean>>;
  onToggle: (layer: MapLayerId, on: boolean) => void;
  truncated: ReadonlySet<MapLayerId>;
  online: OnlineBasemapToggle | null;
  regions: readonly RegionName[];
}

/**
 * The sidebar's sections, top to bottom: who is in, the search, the import, zones, the analysis (hotspots,
 * unexplained load, load by prefecture, progress report, printable report), filters, export, measure, layers, legend.
 */
export function AppSidebar(props: Props) {
  const { t } = useI18n();
  const { analysis, views, permissions } = props;
  return (
    <Sidebar user={<UserBar user={props.user} onLogout={props.onLogout} onLogin={props.onLogin} />}>
      <SearchBox api={props.api} onChoose={props.onSearch} />
      {permissions.importData && (
        <section className="panel-section">
          <button type="button" className="button" data-testid="import-open" onClick={props.onImport}>
            {t.importDialog.open}
          </button>
        </section>
      )}
      <ZonesSection
        api={props.api}
        workflow={props.zones}
        canEdit={permissions.editZones}
        revision={props.zonesRevision}
      />
      <HotspotsPanel
        hotspots={analysis.hotspots}
        settings={analysis.settings}
        onRadius={analysis.setRadius}
        selected={analysis.substationId}
        onOpen={props.onOpenHotspot}
      />
      <UnexplainedPanel
        open={views.unexplainedOpen}
        onOpen={views.setUnexplainedOpen}
        rows={views.unexplained}
        selected={analysis.substationId}
        onChoose={props.onOpenHotspot}
      />
      <RegionLoadPanel
        on={views.choropleth}
        onToggle={views.setChoropleth}
        loads={views.regionLoads}
        regionsVisible={props.visible.regions}
      />
      <ProgressEntry open={views.progressOpen} onOpen={views.setProgressOpen} />
      <ReportEntry onOpen={props.onReport} />
      <FilterPanel
        api={props.api}
        filters={props.filters}
        regions={props.regions}
        onChange={props.onFilters}
      />
      <ExportSection view={props.view} filters={props.filters} />
      <MeasureTool
        request={props.measure.request}
        onRequest={props.measure.start}
        shape={props.measure.shape}
      />
      <LayerList
        infos={props.layers}
        visible={props.visible}
        onToggle={props.onToggle}
        truncated={props.truncated}
        online={props.online}
      />
      <Legend />
    </Sidebar>
  );
}
