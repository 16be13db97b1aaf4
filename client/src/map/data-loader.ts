import type { GeoJSONSource, Map } from 'maplibre-gl';
import type { ApiClient, ApiFeatureCollection, Bbox } from '../api';
import type { MapLayerId } from './map-layers';
import { planPylonFetch, type PylonCoverage } from './pylon-fetch-plan';

/**
 * The one place that puts the API's data into the map's sources. Today the small layers are fetched
 * whole as GeoJSON and the pylons by the box of the view; a layer moving to vector tiles changes here
 * and in style/sources.ts only.
 */
export interface DataLoaderEvents {
  /** Whether any request is still out. */
  onBusy(busy: boolean): void;
  onError(layer: MapLayerId, error: unknown): void;
  /** Whether the layer's last answer was cut at the API's limit, so that not everything is drawn. */
  onTruncated(layer: MapLayerId, truncated: boolean): void;
}

/** The API's maximum `limit` (API.md): a whole layer asks for as much as it may have. */
const WHOLE_LAYER_LIMIT = 50_000;

const WHOLE_LAYERS = ['regions', 'lines', 'substations', 'sites'] as const satisfies readonly MapLayerId[];

const EMPTY: ApiFeatureCollection<'pylons'> = { type: 'FeatureCollection', features: [] };

function setData(map: Map, layer: MapLayerId, data: ApiFeatureCollection<MapLayerId>): void {
  map.getSource<GeoJSONSource>(layer)?.setData(data);
}

/** Starts loading into a map whose style has loaded; returns the function that stops it. */
export function startDataLoader(map: Map, api: ApiClient, events: DataLoaderEvents): () => void {
  let pending = 0;
  let stopped = false;
  const track = (work: Promise<void>) => {
    pending += 1;
    events.onBusy(true);
    void work.finally(() => {
      pending -= 1;
      if (!stopped) events.onBusy(pending > 0);
    });
  };

  for (const layer of WHOLE_LAYERS) {
    track(
      api
        .layer(layer, { limit: WHOLE_LAYER_LIMIT })
        .then((data) => {
          if (stopped) return;
          setData(map, layer, data);
          events.onTruncated(layer, data.truncated === true);
        })
        .catch((error: unknown) => {
          if (!stopped) events.onError(layer, error);
        }),
    );
  }

  let held: PylonCoverage | null = null;
  let inFlight: AbortController | null = null;
  const onMoveEnd = () => {
    const b = map.getBounds();
    const view: Bbox = [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()];
    const plan = planPylonFetch(map.getZoom(), view, held);
    if (plan.kind === 'keep') return;
    inFlight?.abort();
    inFlight = null;
    if (plan.kind === 'clear') {
      held = null;
      setData(map, 'pylons', EMPTY);
      events.onTruncated('pylons', false);
      return;
    }
    const controller = new AbortController();
    inFlight = controller;
    track(
      api
        .layer('pylons', { bbox: plan.bbox }, controller.signal)
        .then((data) => {
          held = { bbox: plan.bbox, truncated: data.truncated === true };
          setData(map, 'pylons', data);
          events.onTruncated('pylons', held.truncated);
        })
        .catch((error: unknown) => {
          if (!controller.signal.aborted) events.onError('pylons', error);
        }),
    );
  };
  map.on('moveend', onMoveEnd);
  onMoveEnd();

  return () => {
    stopped = true;
    inFlight?.abort();
    map.off('moveend', onMoveEnd);
  };
}
