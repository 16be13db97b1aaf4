import { useCallback, useMemo, useState } from 'react';
import { createApiClient, type SiteNear } from './api';
import { useI18n } from './i18n';
import { initialBounds, MAP_LAYERS, MapView, type MapClick, type MapLayerId } from './map';
import { ErrorList } from './panels/error-list';
import { FeatureDetails } from './panels/feature-details';
import { HotspotsPanel } from './panels/hotspots-panel';
import { LayerList } from './panels/layer-list';
import { Legend } from './panels/legend';
import { Sidebar } from './panels/sidebar';
import { SubstationPanel } from './panels/substation-panel';
import { pointOf } from './point-of';
import { useAnalysis } from './use-analysis';
import { useLayerInfos } from './use-layer-infos';
import { useLoadReports } from './use-load-reports';
import './app.css';
import './panels/analysis-panels.css';

const ALL_VISIBLE = Object.fromEntries(MAP_LAYERS.map((l) => [l, true])) as Record<MapLayerId, boolean>;

export function App() {
  const api = useMemo(() => createApiClient(), []);
  const { locale } = useI18n();
  const infos = useLayerInfos(api);
  const analysis = useAnalysis(api);
  const [visible, setVisible] = useState(ALL_VISIBLE);
  const [selection, setSelection] = useState<MapClick | null>(null);
  const { errors, truncated, events } = useLoadReports();
  const closePopup = useCallback(() => setSelection(null), []);
  const toggle = useCallback(
    (layer: MapLayerId, on: boolean) => setVisible((v) => ({ ...v, [layer]: on })),
    [],
  );
  const { open, pick } = analysis;
  // A substation's details are its panel, with the load around it; every other feature gets a popup.
  const onMapClick = useCallback(
    (click: MapClick | null) => {
      if (click?.layer === 'substations') open(click.id, false);
      setSelection(click?.layer === 'substations' ? null : click);
    },
    [open],
  );
  const pickSite = useCallback(
    (site: SiteNear) => {
      pick(site);
      const at = pointOf(site);
      if (at) setSelection({ layer: 'sites', id: site.id, lngLat: at });
    },
    [pick],
  );
  const openHotspot = useCallback((id: number) => open(id, true), [open]);
  const bounds = useMemo(() => (infos.ready ? initialBounds(infos.layers) : null), [infos]);
  const shownErrors =
    infos.ready && infos.error ? [{ layer: 'layerList' as const, message: infos.error }, ...errors] : errors;

  return (
    <div className="app">
      <Sidebar>
        <HotspotsPanel
          hotspots={analysis.hotspots}
          settings={analysis.settings}
          onRadius={analysis.setRadius}
          selected={analysis.substationId}
          onOpen={openHotspot}
        />
        <LayerList
          infos={infos.ready ? infos.layers : []}
          visible={visible}
          onToggle={toggle}
          truncated={truncated}
        />
        <Legend />
      </Sidebar>
      <main className="map-pane">
        {bounds && (
          <MapView
            api={api}
            initialBounds={bounds}
            visible={visible}
            lang={locale}
            events={events}
            onClick={onMapClick}
            focus={analysis.focus}
            camera={analysis.camera}
            popup={
              selection && {
                lngLat: selection.lngLat,
                onClose: closePopup,
                content: <FeatureDetails api={api} layer={selection.layer} id={selection.id} />,
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
        <ErrorList errors={shownErrors} />
      </main>
    </div>
  );
}
