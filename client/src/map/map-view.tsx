import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode, type Ref } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { Bbox } from '../api';
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
} from '../app-state';
import { useI18n } from '../i18n';
import { popupOf } from '../selection/selection';
import { useSelect, useSelection } from '../selection/use-selection';
import { useAnalysisOverlay } from './use-analysis-overlay';
import { useOfflineSiteFilter } from './use-offline-site-filter';
import { firstLayerQuery, startDataLoader, type DataLoader, type FetchLayer } from './data-loader';
import { queryKey } from '../server-state/query-keys';
import { FeaturePopup } from './feature-popup';
import { createIdleSignal } from './idle-signal';
import { isTiled, MAP_LAYERS } from './map-layers';
import { THEMES } from './style';
import { useCamera } from './use-camera';
import { useClickRouter, type MapClick } from './use-click-router';
import { useClusterZoom } from './use-cluster-zoom';
import { useFlyTo } from './use-fly-to';
import { useFocus } from './use-focus';
import { useHoverSite } from './use-hover-site';
import { useMap } from './use-map';
import { useChosenRegion } from './use-chosen-region';
import { useMyPosition } from '../offline/my-position';
import { useMyPositionDot } from './use-my-position';
import { useMyQueue } from '../offline/queue/offline-queue';
import { usePendingRings } from './use-pending-rings';
import { useOnlineBasemap } from './use-online-basemap';
import { usePmtilesBasemap } from './use-pmtiles-basemap';
import { useReload } from './use-reload';
import { useSnapshot, type MapSnapshot } from './use-snapshot';
import { useViewBounds } from './use-view-bounds';
import { useViewCamera } from './use-view-camera';
import { useMeasure } from './measure/use-measure';
import { useMeasureLabels } from './measure/use-measure-labels';
import { measureLabels } from '../measure/measure-labels';
import { useKeepInView } from './use-keep-in-view';
import { PHONE_QUERY, useMedia } from '../layout/use-narrow';
import { useZoneEditor } from './zone-editor/use-zone-editor';
import './map-view.css';

export interface MapViewProps {
  initialBounds: Bbox;
  /** What the popup of the selected site or feature holds (the popup itself is the map's). */
  popup: ReactNode;
  /** Filled with a way to take the map's picture, for the printable report. */
  snapshot?: Ref<MapSnapshot>;
}

/**
 * The map: creates it, feeds it data, and mirrors the app's state into it (layers shown, filters, language, the
 * selection, the analysis' focus and overlays, a zone or measure being drawn). It reads that state itself.
 */
export function MapView({ initialBounds, popup, snapshot }: MapViewProps) {
  const api = useApi();
  const { visible, filters, flyTo, setView, setCamera } = useMapViewState();
  const { locale: lang, t } = useI18n();
  const { events } = LoadReportsState.useValue();
  const analysis = AnalysisState.useValue();
  const { overlay } = AnalysisViewsState.useValue();
  const table = SiteTableState.useValue();
  const zones = ZoneWorkflowState.useValue();
  const measure = MeasureState.useValue();
  const online = OnlineBasemapState.useValue().map;
  const select = useSelect();
  const chosen = popupOf(useSelection());
  const onClick = useCallback(
    (click: MapClick | null) =>
      select.choose(click && { layer: click.layer, id: click.id, at: click.lngLat }),
    [select],
  );
  const focus = useMemo(() => ({ ...analysis.focus, hover: table.ring }), [analysis.focus, table.ring]);
  const zoneEdit = zones.editing?.request ?? null;
  const container = useRef<HTMLDivElement>(null);
  const queryClient = useQueryClient();
  // A whole layer is read through the query cache: one request for the map and a list asking the same.
  const fetchLayer = useCallback<FetchLayer>(
    (layer, query, fresh) =>
      queryClient.fetchQuery({
        queryKey: queryKey('layer', layer, query),
        queryFn: ({ signal }) => api.layer(layer, query, signal),
        staleTime: fresh ? 0 : 10_000,
      }),
    [queryClient, api],
  );
  // The whole layers are asked for now, while the style and the map's script load, not after.
  useEffect(() => {
    for (const layer of MAP_LAYERS)
      if (!isTiled(layer)) void fetchLayer(layer, firstLayerQuery(layer), false);
  }, [fetchLayer]);
  const map = useMap(container, initialBounds);
  const loader = useRef<DataLoader | null>(null);
  const [idleSignal] = useState(createIdleSignal);
  const loaderEvents = useRef(events);
  useEffect(() => {
    loaderEvents.current = events;
  }, [events]);

  useEffect(() => {
    const element = container.current;
    if (!map || !element) return;
    // data-map-idle tells the tests, and the idle signal the snapshot, that the data is in and drawn.
    let busy = true;
    const setIdle = (idle: boolean) => {
      element.dataset.mapIdle = String(idle);
      idleSignal.set(idle);
    };
    const onIdle = () => setIdle(!busy);
    const onMoveStart = () => setIdle(false);
    map.on('idle', onIdle);
    map.on('movestart', onMoveStart);
    const started = startDataLoader(
      map,
      api,
      {
        onBusy: (b) => {
          busy = b;
          if (b) setIdle(false);
          // An answer that draws nothing (failed, or overtaken by a newer one) brings no redraw, so no 'idle'
          // would follow and data-map-idle would stay false: a repaint makes the map say when it is idle.
          else map.triggerRepaint();
        },
        onError: (layer, error) => loaderEvents.current.onError(layer, error),
        onTruncated: (layer, t) => loaderEvents.current.onTruncated(layer, t),
      },
      fetchLayer,
    );
    loader.current = started;
    return () => {
      started.stop();
      loader.current = null;
      map.off('idle', onIdle);
      map.off('movestart', onMoveStart);
    };
  }, [map, api, idleSignal, fetchLayer]);

  useEffect(() => {
    // After the loader's effect, so that a new loader hears the filters too.
    loader.current?.setFilters(filters);
  }, [map, api, filters]);

  useEffect(() => {
    if (!map) return;
    for (const layer of MAP_LAYERS) {
      for (const { id } of THEMES[layer])
        map.setLayoutProperty(id, 'visibility', visible[layer] ? 'visible' : 'none');
    }
  }, [map, visible]);

  useEffect(() => {
    map?.setGlobalStateProperty('lang', lang);
  }, [map, lang]);

  // A zone or a measure being drawn takes the map's clicks: they draw rather than select.
  useClickRouter(map, zoneEdit || measure.request ? null : onClick);
  useZoneEditor(map, zoneEdit, zones.onShape);
  useMeasure(map, measure.request, measure.setShape);
  // The figures written at the shape while measuring: segments, total, area.
  const shapeLabels = useMemo(
    () => (measure.request ? measureLabels(measure.shape, lang) : []),
    [measure.request, measure.shape, lang],
  );
  useMeasureLabels(map, shapeLabels);
  useReload(loader);
  useOfflineSiteFilter(map, filters);
  useChosenRegion(map, filters.region);
  useClusterZoom(map);
  useFocus(map, focus);
  useAnalysisOverlay(map, overlay, visible.regions);
  useHoverSite(map, table.hoverId);
  useCamera(map, analysis.camera);
  // Before the reports of the view: a view restored from the address is then the first one reported.
  useFlyTo(map, flyTo);
  useViewBounds(map, setView);
  useViewCamera(map, setCamera);
  useSnapshot(snapshot, map, idleSignal);
  // A chosen site opens its panel: beside the map (about 400 px) or, on a phone, as a sheet over its lower part.
  const phone = useMedia(PHONE_QUERY);
  const chosenSite = chosen?.layer === 'sites' ? chosen : null;
  useKeepInView(map, chosenSite, {
    right: phone ? 0 : 400,
    bottomShare: phone ? 0.65 : 0,
  });
  usePmtilesBasemap(map, online.pmtiles, lang);
  useOnlineBasemap(map, online.basemap, online.shown, online.onFailed);
  useMyPositionDot(map, useMyPosition());
  usePendingRings(map, useMyQueue(useSessionUser().user?.username ?? null));

  return (
    <div ref={container} className="map-view" data-testid="map">
      {map && chosen && popup != null && (
        <FeaturePopup map={map} lngLat={chosen.at} onClose={select.closePopup}>
          {popup}
        </FeaturePopup>
      )}
      <div className="map-view__credit" data-testid="map-credit">
        {/* The prefecture shapes carry real names but are drawn for the demonstration (geodata/PROVENANCE.md). */}
        <span data-testid="synthetic-credit">{t.layout.syntheticBoundaries}</span>
        {online.basemap && online.shown && (
          <>
            {' · '}
            <span data-testid="online-basemap-credit">{online.basemap.attribution}</span>
          </>
        )}
      </div>
    </div>
  );
}
