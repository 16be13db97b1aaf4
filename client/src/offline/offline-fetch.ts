import type { ApiFeatureCollection } from '../api';
import type { FetchFn } from '../api/http';
import { layerPath } from '../api/paths';
import { firstLayerQuery } from '../map/data-loader';
import { MAP_LAYERS, type MapLayerId } from '../map/map-layers';
import { bboxOf, intersects } from './bbox';
import { answerableOffline, filterOfSearch, filterSites, searchSites } from './offline-search';
import { savedSites } from './saved-sites';
import { noteOffline } from './offline-since';

/**
 * The API's fetch, answering from the saved areas what the service worker's caches cannot when the network
 * fails: a search, a sites query the area was not saved with (a filter, near me's box), and another layer's
 * box (the zones holding a site), from the whole layer saved. The worker answers
 * the exact URLs an area saved; this answers the questions asked of them. Any other failure stays a failure.
 */
const isLayer = (name: string): name is MapLayerId => (MAP_LAYERS as readonly string[]).includes(name);
/** A query of a box alone (and a limit): a whole layer's features in the box answer it. */
const onlyBbox = (params: URLSearchParams): boolean =>
  [...params.keys()].every((key) => key === 'bbox' || key === 'limit');

export function withOfflineAnswers(fetchFn: FetchFn): FetchFn {
  return async (input, init) => {
    try {
      return await fetchFn(input, init);
    } catch (error) {
      // A network failure is a TypeError; an abort or anything else is passed on as it was.
      if (!(error instanceof TypeError) || (init?.method ?? 'GET') !== 'GET') throw error;
      noteOffline();
      const url = new URL(input, window.location.origin);
      if (url.pathname === '/api/search') {
        const hits = searchSites(await savedSites(), url.searchParams.get('q') ?? '', 10);
        return Response.json(hits);
      }
      const filter = filterOfSearch(url.searchParams);
      if (url.pathname === '/api/layers/sites' && answerableOffline(filter)) {
        const features = filterSites(await savedSites(), filter).slice(0, filter.limit ?? 5000);
        return Response.json({ type: 'FeatureCollection', features });
      }
      const layer = /^\/api\/layers\/(\w+)$/.exec(url.pathname)?.[1];
      if (layer && isLayer(layer) && layer !== 'sites' && filter.bbox && onlyBbox(url.searchParams)) {
        const whole = await caches.match(layerPath(layer, firstLayerQuery(layer)));
        if (whole) {
          const { features } = (await whole.json()) as ApiFeatureCollection<typeof layer>;
          const box = filter.bbox;
          return Response.json({
            type: 'FeatureCollection',
            features: features.filter((f) => intersects(bboxOf(f.geometry), box)),
          });
        }
      }
      throw error;
    }
  };
}
