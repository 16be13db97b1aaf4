import { useCallback, useMemo, useState } from 'react';
import { createApiClient } from './api';
import { useI18n } from './i18n';
import { initialBounds, MAP_LAYERS, MapView, type MapClick, type MapLayerId } from './map';
import { ErrorList } from './panels/error-list';
import { FeatureDetails } from './panels/feature-details';
import { LayerList } from './panels/layer-list';
import { Legend } from './panels/legend';
import { Sidebar } from './panels/sidebar';
import { useLayerInfos } from './use-layer-infos';
import { useLoadReports } from './use-load-reports';
import './app.css';

const ALL_VISIBLE = Object.fromEntries(MAP_LAYERS.map((l) => [l, true])) as Record<MapLayerId, boolean>;

export function App() {
  const api = useMemo(() => createApiClient(), []);
  const { locale } = useI18n();
  const infos = useLayerInfos(api);
  const [visible, setVisible] = useState(ALL_VISIBLE);
  const [selection, setSelection] = useState<MapClick | null>(null);
  const { errors, truncated, events } = useLoadReports();
  const closePopup = useCallback(() => setSelection(null), []);
  const toggle = useCallback(
    (layer: MapLayerId, on: boolean) => setVisible((v) => ({ ...v, [layer]: on })),
    [],
  );
  const bounds = useMemo(() => (infos.ready ? initialBounds(infos.layers) : null), [infos]);
  const shownErrors =
    infos.ready && infos.error ? [{ layer: 'layerList' as const, message: infos.error }, ...errors] : errors;

  return (
    <div className="app">
      <Sidebar>
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
            onClick={setSelection}
            popup={
              selection && {
                lngLat: selection.lngLat,
                onClose: closePopup,
                content: <FeatureDetails api={api} layer={selection.layer} id={selection.id} />,
              }
            }
          />
        )}
        <ErrorList errors={shownErrors} />
      </main>
    </div>
  );
}
