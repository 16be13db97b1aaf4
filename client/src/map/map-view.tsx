import { useEffect, useRef, useState, type ReactNode, type Ref } from 'react';
import type { LineString, Polygon } from 'geojson';
import type { ApiClient, Bbox, OnlineBasemap } from '../api';
import type { MapFilters } from '../filters/map-filters';
import type { Locale } from '../i18n';
import { useAnalysisOverlay, NO_OVERLAY, type AnalysisOverlay } from './use-analysis-overlay';
import { startDataLoader, type DataLoader, type DataLoaderEvents } from './data-loader';
import { FeaturePopup } from './feature-popup';
import { createIdleSignal } from './idle-signal';
import type { MapFocus } from './focus-features';
import { MAP_LAYERS, type MapLayerId } from './map-layers';
import { THEMES } from './style';
import { useCamera, type CameraRequest } from './use-camera';
import { useClickRouter, type MapClick } from './use-click-router';
import { useClusterZoom } from './use-cluster-zoom';
import { useFlyTo, type FlyToRequest } from './use-fly-to';
import { useFocus } from './use-focus';
import { useHoverSite } from './use-hover-site';
import { useMap } from './use-map';
import { useChosenRegion } from './use-chosen-region';
import { useOnlineBasemap } from './use-online-basemap';
import { useReload } from './use-reload';
import { useSnapshot, type MapSnapshot } from './use-snapshot';
import { useViewBounds } from './use-view-bounds';
import { useViewCamera, type ViewCamera } from './use-view-camera';
import { useMeasure, type MeasureRequest } from './measure/use-measure';
import { useZoneEditor, type ZoneEditRequest } from './zone-editor/use-zone-editor';
import './map-view.css';

export interface MapViewProps {
  api: ApiClient;
  initialBounds: Bbox;
  visible: Readonly<Record<MapLayerId, boolean>>;
  filters: MapFilters;
  lang: Locale;
  events: Omit<DataLoaderEvents, 'onBusy'>;
  onClick: (click: MapClick | null) => void;
  popup: { lngLat: [number, number]; content: ReactNode; onClose: () => void } | null;
  focus: MapFocus;
  camera: CameraRequest | null;
  /** A box to show, from the search. */
  flyTo: FlyToRequest | null;
  /** Counts the app's writes to each layer: a change reloads that layer. */
  revisions: Readonly<Record<MapLayerId, number>>;
  /** The zone being drawn or edited; while there is one, clicks on the map draw rather than select. */
  zoneEdit: ZoneEditRequest | null;
  onZoneShape: (geometry: Polygon) => void;
  /** A measure being drawn; like a zone, it takes the map's clicks. */
  measure: MeasureRequest | null;
  onMeasureShape: (shape: LineString | Polygon | null) => void;
  onView: (bbox: Bbox) => void;
  onCamera: (camera: ViewCamera) => void;
  /** The site under the pointer, for the attribute table. */
  onHoverSite: (id: number | null) => void;
  /** The analysis panels' overlays: the unexplained-load circles and the choropleth of the regions. */
  overlay?: AnalysisOverlay;
  /** The deployment's online basemap (GRIDWATCH_BASEMAP_URL), whether it is shown, and a report of its failures. */
  onlineBasemap?: {
    basemap: OnlineBasemap | null;
    shown: boolean;
    onFailed: (failed: boolean) => void;
  };
  /** Filled with a way to take the map's picture, for the printable report. */
  snapshot?: Ref<MapSnapshot>;
}

const ignore = () => {};

/** The map: creates it, feeds it data, and mirrors the app's state (layers shown, language) into it. */
export function MapView(props: MapViewProps) {
  const { api, initialBounds, visible, lang, events, onClick, popup, focus, camera, revisions } = props;
  const container = useRef<HTMLDivElement>(null);
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
    const started = startDataLoader(map, api, {
      onBusy: (b) => {
        busy = b;
        if (b) setIdle(false);
      },
      onError: (layer, error) => loaderEvents.current.onError(layer, error),
      onTruncated: (layer, t) => loaderEvents.current.onTruncated(layer, t),
    });
    loader.current = started;
    return () => {
      started.stop();
      loader.current = null;
      map.off('idle', onIdle);
      map.off('movestart', onMoveStart);
    };
  }, [map, api, idleSignal]);

  const { filters } = props;
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

  useClickRouter(map, props.zoneEdit || props.measure ? null : onClick);
  useZoneEditor(map, props.zoneEdit, props.onZoneShape);
  useMeasure(map, props.measure, props.onMeasureShape);
  useReload(loader, revisions);
  useChosenRegion(map, props.filters.region);
  useClusterZoom(map);
  useFocus(map, focus);
  useAnalysisOverlay(map, props.overlay ?? NO_OVERLAY, visible.regions);
  useHoverSite(map, props.onHoverSite);
  useCamera(map, camera);
  // Before the reports of the view: a view restored from the address is then the first one reported.
  useFlyTo(map, props.flyTo);
  useViewBounds(map, props.onView);
  useViewCamera(map, props.onCamera);
  useSnapshot(props.snapshot, map, idleSignal);
  const online = props.onlineBasemap;
  useOnlineBasemap(map, online?.basemap ?? null, online?.shown ?? false, online?.onFailed ?? ignore);

  return (
    <div ref={container} className="map-view" data-testid="map">
      {map && popup && (
        <FeaturePopup map={map} lngLat={popup.lngLat} onClose={popup.onClose}>
          {popup.content}
        </FeaturePopup>
      )}
      {online?.basemap && online.shown && (
        <div className="map-view__credit" data-testid="online-basemap-credit">
          {online.basemap.attribution}
        </div>
      )}
    </div>
  );
}
