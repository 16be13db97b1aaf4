import { BASEMAP_FILES, type PmtilesBasemap } from '@gridwatch/contract';
import type { ApiFeatureCollection, Bbox } from '../api';
import { layerPath } from '../api/paths';
import { firstLayerQuery } from '../map/data-loader';
import { isTiled, MAP_LAYERS, PYLON_MIN_ZOOM } from '../map/map-layers';
import { tileUrl } from '../map/style/sources';
import { planArea, type AreaPlan } from './area-plan';
import { areaCache } from './cache-names';
import { bboxOf, intersects } from './bbox';
import { START_UP_READS } from './offline-reads';

/**
 * Saving an area for offline (docs/offline.md): first `prepareArea` fetches what must be known to plan (the
 * start-up reads, the whole layers, the built-in basemap's files, the sites in the box) and counts the rest;
 * the page shows the estimate against the budget; then `downloadArea` fetches every URL into the area's cache,
 * the same URLs the map and the panels ask, so that the service worker answers them offline.
 */

/** The most sites an area holds: a zone or a town, not a prefecture. */
export const AREA_SITE_LIMIT = 5000;
/** How many requests are out at once: enough to keep the line busy, few enough for the server. */
const PARALLEL = 4;

interface Fetched {
  url: string;
  body: ArrayBuffer;
  status: number;
  headers: Headers;
}

export interface PreparedArea {
  bbox: Bbox;
  plan: AreaPlan;
  sitesUrl: string;
  /** The answers fetched while planning, stored as they are when the download starts. */
  fetched: Fetched[];
}

async function fetchBody(url: string, signal?: AbortSignal): Promise<Fetched> {
  const answer = await fetch(url, { signal, credentials: 'same-origin' });
  if (!answer.ok) throw new Error(`${url}: ${answer.status}`);
  return { url, body: await answer.arrayBuffer(), status: answer.status, headers: answer.headers };
}

export async function prepareArea(
  bbox: Bbox,
  pmtiles: PmtilesBasemap | null,
  budgetBytes: number,
  signal?: AbortSignal,
): Promise<PreparedArea> {
  const origin = window.location.origin;
  const sitesUrl = layerPath('sites', { bbox, limit: AREA_SITE_LIMIT });
  const urls = [
    ...START_UP_READS,
    ...MAP_LAYERS.filter((l) => !isTiled(l)).map((l) => layerPath(l, firstLayerQuery(l))),
    ...BASEMAP_FILES.map((file) => new URL(`/basemap/${file}.geojson`, origin).href),
    sitesUrl,
  ];
  const first = await Promise.all(urls.map((url) => fetchBody(url, signal)));
  const json = <T>(f: Fetched): T => JSON.parse(new TextDecoder().decode(f.body)) as T;
  const sites = json<{ features: { id: number }[] }>(first.at(-1)!);
  // The inspection zones over the area, with their sites: the site panel asks which zones hold a site.
  const zonesUrl = layerPath('zones', firstLayerQuery('zones'));
  const zones = json<ApiFeatureCollection<'zones'>>(first.find((f) => f.url === zonesUrl)!);
  const zoneUrls = zones.features
    .filter((zone) => intersects(bboxOf(zone.geometry), bbox))
    .flatMap((zone) => [`/api/zones/${zone.id}`, `/api/zones/${zone.id}/sites`]);
  const fetched = [...first, ...(await Promise.all(zoneUrls.map((url) => fetchBody(url, signal))))];
  const plan = planArea({
    bbox,
    known: fetched.map((f) => ({ url: f.url, bytes: f.body.byteLength })),
    siteTiles: tileUrl(origin, 'sites'),
    pylonTiles: tileUrl(origin, 'pylons'),
    pylonMinZoom: PYLON_MIN_ZOOM,
    basemap: pmtiles && {
      tiles: new URL(pmtiles.tiles, origin).href.replace(/%7B/g, '{').replace(/%7D/g, '}'),
      minzoom: pmtiles.minzoom,
      maxzoom: pmtiles.maxzoom,
    },
    siteIds: sites.features.map((s) => s.id),
    budgetBytes,
  });
  return { bbox, plan, sitesUrl, fetched };
}

export interface DownloadProgress {
  done: number;
  total: number;
  bytes: number;
}

/**
 * Fetches every URL of the plan into `gridwatch-area-<id>` and answers the bytes stored. A tile the basemap has
 * not (204) is stored too, so that offline it is "nothing here" rather than a failure. Cancelled (the signal),
 * or failed, the half-filled cache is deleted: an area is whole or not there.
 */
export async function downloadArea(
  id: string,
  prepared: PreparedArea,
  onProgress: (progress: DownloadProgress) => void,
  signal: AbortSignal,
): Promise<{ bytes: number; urlCount: number }> {
  const cache = await caches.open(areaCache(id));
  const known = new Map(prepared.fetched.map((f) => [f.url, f]));
  const urls = prepared.plan.urls.map((u) => u.url);
  let next = 0;
  let done = 0;
  let bytes = 0;
  const store = async ({ url, body, status, headers }: Fetched) => {
    await cache.put(url, new Response(status === 204 ? null : body, { status, headers }));
    bytes += body.byteLength;
  };
  // One failure stops every worker; all have ended before the answer, so no late progress overwrites it.
  let stopped = false;
  const worker = async () => {
    try {
      while (next < urls.length && !stopped) {
        signal.throwIfAborted();
        const url = urls[next++]!;
        const ready = known.get(url);
        if (ready) await store(ready);
        else {
          const answer = await fetch(url, { signal, credentials: 'same-origin' });
          // A tile or a detail the server has not is left out; the area is saved without it.
          if (answer.ok) {
            await store({
              url,
              body: await answer.arrayBuffer(),
              status: answer.status,
              headers: answer.headers,
            });
          }
        }
        done += 1;
        if (!stopped) onProgress({ done, total: urls.length, bytes });
      }
    } catch (error) {
      stopped = true;
      throw error;
    }
  };
  const ended = await Promise.allSettled(Array.from({ length: PARALLEL }, worker));
  const failure = ended.find((e): e is PromiseRejectedResult => e.status === 'rejected');
  if (failure) {
    await caches.delete(areaCache(id));
    throw failure.reason;
  }
  return { bytes, urlCount: urls.length };
}
