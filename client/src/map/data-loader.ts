import type { GeoJSONSource, Map, VectorTileSource } from 'maplibre-gl';
import { filterSearch, type ApiClient, type ApiFeatureCollection, type LayerFilter } from '../api';
import { layerFilter, NO_FILTERS, type MapFilters } from '../filters/map-filters';
import { listenForErrors, type MapError } from './map-errors';
import { isTiled, MAP_LAYERS, type MapLayerId } from './map-layers';
import { tileUrl } from './style/sources';
import { tileErrorMessage } from './tile-error';
import { ONLINE_BASEMAP_SOURCE } from './use-online-basemap';

/**
 * The one place that puts the API's data into the map: the small layers are fetched whole as GeoJSON, the
 * tiled ones (map-layers.ts) are fetched by MapLibre itself from the tile sources of style/sources.ts, and
 * their failures are reported here like the others'. Both ask with the planner's filters.
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
  reload(layer: MapLayerId): void;
  /** Loads again the layers whose query the new filters change. */
  setFilters(filters: MapFilters): void;
  stop(): void;
}

/** The API's maximum `limit` (API.md): a whole layer asks for as much as it may have. */
export const WHOLE_LAYER_LIMIT = 50_000;

/**
 * How a whole layer is fetched: through the query cache (map-view.tsx), so that a list asking the same question
 * (the zones, the region filter) shares the one request, and a request started before the style loaded is used.
 * `fresh`: after a write, never an answer from before it.
 */
export type FetchLayer = (
  layer: MapLayerId,
  query: LayerFilter,
  fresh: boolean,
) => Promise<ApiFeatureCollection<MapLayerId>>;

/** The first question each whole layer is asked, with no filters: started early, while the style loads. */
export const firstLayerQuery = (layer: MapLayerId): LayerFilter => ({
  ...layerFilter(layer, NO_FILTERS),
  limit: WHOLE_LAYER_LIMIT,
});

/** Starts loading into a map whose style has loaded. */
export function startDataLoader(
  map: Map,
  api: ApiClient,
  events: DataLoaderEvents,
  fetchLayer: FetchLayer = (layer, query) => api.layer(layer, query),
): DataLoader {
  let pending = 0;
  let stopped = false;
  let filters = NO_FILTERS;
  // Counts the reloads of each layer: a tiled layer's URLs carry it, so no cache serves tiles from before a write.
  const versions: Partial<Record<MapLayerId, number>> = {};
  // Each layer's latest request: an older answer arriving late must not replace a newer one.
  const latest: Partial<Record<MapLayerId, number>> = {};
  const track = (work: Promise<void>) => {
    pending += 1;
    events.onBusy(true);
    void work.finally(() => {
      pending -= 1;
      if (!stopped) events.onBusy(pending > 0);
    });
  };
  const fetchWhole = (layer: MapLayerId, fresh = false) => {
    const request = (latest[layer] ?? 0) + 1;
    latest[layer] = request;
    const current = () => !stopped && latest[layer] === request;
    track(
      fetchLayer(layer, { ...layerFilter(layer, filters), limit: WHOLE_LAYER_LIMIT }, fresh)
        .then((data) => {
          if (!current()) return;
          map.getSource<GeoJSONSource>(layer)?.setData(data);
          events.onTruncated(layer, data.truncated === true);
        })
        .catch((error: unknown) => {
          if (current()) events.onError(layer, error);
        }),
    );
  };
  const load = (layer: MapLayerId, fresh = false) => {
    if (!isTiled(layer)) fetchWhole(layer, fresh);
    else {
      // Offline, the tiles a saved area holds: unfiltered, as they were saved (the style filters the sites then:
      // use-offline-site-filter.ts); the reload count is left out too, since no write reaches the server offline.
      const url = navigator.onLine
        ? tileUrl(window.location.origin, layer, versions[layer], layerFilter(layer, filters))
        : tileUrl(window.location.origin, layer);
      map.getSource<VectorTileSource>(layer)?.setTiles([url]);
    }
  };
  const loadTiled = () => MAP_LAYERS.filter(isTiled).forEach((layer) => load(layer));
  window.addEventListener('online', loadTiled);
  window.addEventListener('offline', loadTiled);

  for (const layer of MAP_LAYERS) if (!isTiled(layer)) fetchWhole(layer);

  // A source's failure comes as a map error naming the source; the others are still logged, as MapLibre would.
  const onMapError = (event: MapError) => {
    // The online basemap reports its own failures (use-online-basemap.ts): it is an option, not data.
    if (event.sourceId === ONLINE_BASEMAP_SOURCE) return;
    const layer = MAP_LAYERS.find((l) => l === event.sourceId);
    if (!layer || !isTiled(layer)) {
      console.error(event.error);
      return;
    }
    // Offline, a tile outside the saved areas is expected to be missing: the "offline since" band says why.
    if (!navigator.onLine) return;
    void tileErrorMessage(event.error).then((message) => {
      if (!stopped) events.onError(layer, new Error(message));
    });
  };
  const stopListening = listenForErrors(map, onMapError);

  return {
    reload: (layer) => {
      versions[layer] = (versions[layer] ?? 0) + 1;
      load(layer, true);
    },
    setFilters: (next) => {
      const query = (layer: MapLayerId, f: MapFilters) => filterSearch(layerFilter(layer, f));
      const changed = MAP_LAYERS.filter((layer) => query(layer, filters) !== query(layer, next));
      filters = next;
      changed.forEach((layer) => load(layer));
    },
    stop: () => {
      stopped = true;
      stopListening();
      window.removeEventListener('online', loadTiled);
      window.removeEventListener('offline', loadTiled);
    },
  };
}
