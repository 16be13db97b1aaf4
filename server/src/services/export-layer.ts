import type { MultiPolygon, Polygon } from 'geojson';
import type { LayerId } from '@gridwatch/contract';
import { roundTo3 } from '../domain/geo/haversine';
import { termWatts, wattsToMw } from '../domain/sum-term';
import {
  isPointLayer,
  type FeatureJson,
  type LayerFeature,
  type LayerFilter,
  type LayersPort,
  type SpatialQueriesPort,
} from '../store/store';
import { VERSION } from '../version';
import { everyPage } from './every-page';
import { csvRow } from './export-format';
import { enclosed } from './enclosed-chunks';

export interface ExportRequest {
  layer: LayerId;
  filter: Omit<LayerFilter, 'limit' | 'afterId' | 'beforeId'>;
  /** Sites only: the zone's area instead of a bounding box. */
  zone: { id: number; geometry: Polygon | MultiPolygon } | null;
  filters: Record<string, unknown>;
  /** Sites only: each with its status at this instant (ISO 8601 UTC), as the layer route's `asOf`. */
  at?: string;
}

/** What an export reads: pages of a layer, or the sites inside a zone. */
export type ExportSource = LayersPort & Pick<SpatialQueriesPort, 'sitesInPolygon'>;

/** Every feature that matches, a page at a time (keyset by id), so a million never sit in memory at once. */
export async function* features(store: ExportSource, request: ExportRequest): AsyncGenerator<LayerFeature> {
  if (request.zone) {
    yield* await store.sitesInPolygon(request.zone.geometry, request.filter.statuses ?? null);
    return;
  }
  const { at } = request;
  yield* everyPage<LayerFeature>(request.filter, (filter) =>
    at === undefined ? store.queryLayer(request.layer, filter) : store.querySitesAsOf(at, filter),
  );
}

/**
 * Every feature that matches as its JSON text: the point layers' written by the database (store
 * `queryLayerJson`, docs/performance.md), the others' by JSON.stringify; the same bytes either way.
 */
async function* featureTexts(store: ExportSource, request: ExportRequest): AsyncGenerator<FeatureJson> {
  const { layer } = request;
  if (!request.zone && request.at === undefined && isPointLayer(layer)) {
    yield* everyPage(request.filter, (filter) => store.queryLayerJson(layer, filter));
    return;
  }
  for await (const feature of features(store, request)) {
    const { loadMw } = feature.properties as { loadMw?: number };
    yield { id: feature.id, json: JSON.stringify(feature), ...(loadMw === undefined ? {} : { loadMw }) };
  }
}

/**
 * Bytes of JSON text an export sends at a time. One write per feature made every feature a chunk of the
 * chunked encoding (6.8 s for 20,000 sites against 1.1 s to make them, docs/performance.md).
 */
export const EXPORT_CHUNK_CHARS = 64 * 1024;

/**
 * A GeoJSON FeatureCollection, streamed in chunks of about EXPORT_CHUNK_CHARS, with the foreign member `meta`
 * written after `features` (API.md) so that its count and load are those of the features actually written.
 * A point layer's whole export, where the store can, is one statement whose bytes pass through as they come
 * (store `copyLayerJson`); else the feature texts come a page at a time and are joined here.
 */
export async function* geojsonExport(
  store: ExportSource,
  request: ExportRequest,
): AsyncGenerator<string | Uint8Array> {
  const head = '{"type":"FeatureCollection","features":[\n';
  const { layer } = request;
  const copy =
    !request.zone && request.at === undefined && isPointLayer(layer)
      ? store.copyLayerJson(layer, request.filter, EXPORT_CHUNK_CHARS)
      : null;
  if (copy) {
    // No row, no "\n" from the copy: the empty list reads as the paged one writes it.
    yield* enclosed(head, copy.chunks, () => {
      const { count, loadMw } = copy.totals();
      return `${count === 0 ? '\n' : ''}],"meta":${JSON.stringify(exportMeta(request, count, loadMw))}}\n`;
    });
    return;
  }
  let chunk = head;
  let count = 0;
  let loadW = 0; // whole watts (domain/sum-term.ts)
  for await (const feature of featureTexts(store, request)) {
    chunk += `${count === 0 ? '' : ',\n'}${feature.json}`;
    count += 1;
    if (request.layer === 'sites') loadW += termWatts(feature.loadMw ?? 0);
    if (chunk.length >= EXPORT_CHUNK_CHARS) {
      yield chunk;
      chunk = '';
    }
  }
  const meta = exportMeta(request, count, wattsToMw(loadW));
  yield `${chunk}\n],"meta":${JSON.stringify(meta)}}\n`;
}

/** What an export says of itself (its `meta`): when, what was asked, how many and how much load it holds. */
export function exportMeta(request: ExportRequest, count: number, loadMw: number) {
  return {
    exportedAt: new Date().toISOString(),
    layer: request.layer,
    filters: request.filters,
    count,
    totalLoadMw: request.layer === 'sites' ? roundTo3(loadMw) : null,
    source: `gridwatch ${VERSION}`,
  };
}

/** CSV with a header row: id, the properties, then lon/lat for points or the GeoJSON geometry otherwise. */
export async function* csvExport(store: ExportSource, request: ExportRequest): AsyncGenerator<string> {
  let columns: string[] | null = null;
  for await (const feature of features(store, request)) {
    const properties = feature.properties as Record<string, unknown>;
    const point = feature.geometry.type === 'Point';
    if (!columns) {
      columns = Object.keys(properties);
      yield '\uFEFF'; // a byte-order mark, so Excel reads the Chinese names as UTF-8
      yield csvRow(['id', ...columns, ...(point ? ['lon', 'lat'] : ['geometry'])]);
    }
    const where = point
      ? (feature.geometry as { coordinates: number[] }).coordinates.slice(0, 2)
      : [JSON.stringify(feature.geometry)];
    yield csvRow([feature.id, ...columns.map((c) => properties[c]), ...where]);
  }
}
