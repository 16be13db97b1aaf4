import type { GeoJSONSource, Map, VectorTileSource } from 'maplibre-gl';
import type { ApiClient } from '../api';
import { listenForErrors, type MapError } from './map-errors';
import { isTiled, MAP_LAYERS, type MapLayerId } from './map-layers';
import { tileUrl } from './style/sources';
import { tileErrorMessage } from './tile-error';

/**
 * The one place that puts the API's data into the map: the small layers are fetched whole as GeoJSON, the
 * tiled ones (map-layers.ts) are fetched by MapLibre itself from the tile sources of style/sources.ts, and
 * their failures are reported here like the others'.
 */
export interface DataLoaderEvents {
  /** Whether any request is still out (tile requests are covered by the map's own `idle`). */
  onBusy(busy: boolean): void;
  onError(layer: MapLayerId, error: unknown): void;
  /** Whether the layer's last answer was cut at the API's limit, so that not everything is drawn. */
  onTruncated(layer: MapLayerId, truncated: boolean): void;
}

export interface DataLoader {
  /** Loads a layer again after a write: refetches a whole layer, or points a tiled one at new tile URLs. */
  reload(layer: MapLayerId, revision: number): void;
  stop(): void;
}

/** The API's maximum `limit` (API.md): a whole layer asks for as much as it may have. */
const WHOLE_LAYER_LIMIT = 50_000;

/** Starts loading into a map whose style has loaded. */
export function startDataLoader(map: Map, api: ApiClient, events: DataLoaderEvents): DataLoader {
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
  const fetchWhole = (layer: MapLayerId) =>
    track(
      api
        .layer(layer, { limit: WHOLE_LAYER_LIMIT })
        .then((data) => {
          if (stopped) return;
          map.getSource<GeoJSONSource>(layer)?.setData(data);
          events.onTruncated(layer, data.truncated === true);
        })
        .catch((error: unknown) => {
          if (!stopped) events.onError(layer, error);
        }),
    );

  for (const layer of MAP_LAYERS) if (!isTiled(layer)) fetchWhole(layer);

  // A source's failure comes as a map error naming the source; the others are still logged, as MapLibre would.
  const onMapError = (event: MapError) => {
    const layer = MAP_LAYERS.find((l) => l === event.sourceId);
    if (!layer || !isTiled(layer)) {
      console.error(event.error);
      return;
    }
    void tileErrorMessage(event.error).then((message) => {
      if (!stopped) events.onError(layer, new Error(message));
    });
  };
  const stopListening = listenForErrors(map, onMapError);

  return {
    reload: (layer, revision) => {
      if (!isTiled(layer)) fetchWhole(layer);
      else
        map.getSource<VectorTileSource>(layer)?.setTiles([tileUrl(window.location.origin, layer, revision)]);
    },
    stop: () => {
      stopped = true;
      stopListening();
    },
  };
}
