import type { MultiPolygon, Polygon } from 'geojson';
import type { LayerId } from '@gridwatch/contract';
import { roundTo3 } from '../domain/geo/haversine';
import { sumTerm } from '../domain/sum-term';
import type { LayerFeature, LayerFilter, LayersPort, SpatialQueriesPort } from '../store/store';
import { VERSION } from '../version';
import { everyPage } from './every-page';
import { csvRow } from './export-format';

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
  yield* everyPage<LayerId>(request.filter, (filter) =>
    at === undefined ? store.queryLayer(request.layer, filter) : store.querySitesAsOf(at, filter),
  );
}

/**
 * A GeoJSON FeatureCollection, streamed, with the foreign member `meta` written after `features` (API.md) so
 * that its count and load are those of the features actually written.
 */
export async function* geojsonExport(store: ExportSource, request: ExportRequest): AsyncGenerator<string> {
  yield '{"type":"FeatureCollection","features":[\n';
  let count = 0;
  let loadMw = 0;
  for await (const feature of features(store, request)) {
    yield `${count === 0 ? '' : ',\n'}${JSON.stringify(feature)}`;
    count += 1;
    if (request.layer === 'sites') loadMw += sumTerm((feature.properties as { loadMw: number }).loadMw);
  }
  const meta = exportMeta(request, count, loadMw);
  yield `\n],"meta":${JSON.stringify(meta)}}\n`;
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
