import type { ApiClient, Bbox, LayerInfo, Me } from './api';
import type { Permissions } from './auth/permissions';
import { UserBar } from './auth/user-bar';
import { ExportSection } from './export/export-section';
import { useI18n } from './i18n';
import type { MapLayerId } from './map';
import { HotspotsPanel } from './panels/hotspots-panel';
import { LayerList } from './panels/layer-list';
import { Legend } from './panels/legend';
import { Sidebar } from './panels/sidebar';
import type { useAnalysis } from './use-analysis';
import type { ZoneWorkflow } from './zones/use-zone-workflow';
import { ZonesSection } from './zones/zones-section';

interface Props {
  api: ApiClient;
  user: Me | null;
  permissions: Permissions;
  onLogout: () => void;
  onLogin: () => void;
  onImport: () => void;
  zones: ZoneWorkflow;
  zonesRevision: number;
  analysis: ReturnType<typeof useAnalysis>;
  onOpenHotspot: (id: number) => void;
  view: Bbox | null;
  layers: readonly LayerInfo[];
  visible: Readonly<Record<MapLayerId, boolean>>;
  onToggle: (layer: MapLayerId, on: boolean) => void;
  truncated: ReadonlySet<MapLayerId>;
}

/** The sidebar's sections, top to bottom: who is in, the import, zones, hotspots, export, layers, legend. */
export function AppSidebar(props: Props) {
  const { t } = useI18n();
  const { analysis, permissions } = props;
  return (
    <Sidebar user={<UserBar user={props.user} onLogout={props.onLogout} onLogin={props.onLogin} />}>
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
      <ExportSection view={props.view} />
      <LayerList
        infos={props.layers}
        visible={props.visible}
        onToggle={props.onToggle}
        truncated={props.truncated}
      />
      <Legend />
    </Sidebar>
  );
}
