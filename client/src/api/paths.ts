import type {
  HotspotsQuery,
  ImportQuery,
  LayerFilter,
  LayerId,
  ProgressQuery,
  ProgressSeriesQuery,
  ReadingsRange,
  UnlicensedLoadQuery,
} from './types';

/** The query string of a layer filter, as the layer, tile and export routes read it. */
export function filterSearch(query: LayerFilter): string {
  const params = new URLSearchParams();
  if (query.bbox) params.set('bbox', query.bbox.map((n) => n.toFixed(6)).join(','));
  if (query.status && query.status.length > 0) params.set('status', query.status.join(','));
  if (query.voltageKv && query.voltageKv.length > 0) params.set('voltageKv', query.voltageKv.join(','));
  if (query.minLoadMw !== undefined) params.set('minLoadMw', String(query.minLoadMw));
  if (query.maxLoadMw !== undefined) params.set('maxLoadMw', String(query.maxLoadMw));
  if (query.utility !== undefined) params.set('utility', String(query.utility));
  if (query.region !== undefined) params.set('region', String(query.region));
  if (query.asOf !== undefined) params.set('asOf', query.asOf);
  if (query.limit !== undefined) params.set('limit', String(query.limit));
  const search = params.toString();
  return search ? `?${search}` : '';
}

export function layerPath(layer: LayerId, query: LayerFilter = {}): string {
  return `/api/layers/${layer}${filterSearch(query)}`;
}

export function unlicensedLoadPath(substationId: number, query: UnlicensedLoadQuery): string {
  const params = new URLSearchParams({
    radiusKm: String(query.radiusKm),
    includeSuspected: String(query.includeSuspected),
  });
  if (query.asOf !== undefined) params.set('asOf', query.asOf);
  return `/api/substations/${substationId}/unlicensed-load?${params}`;
}

export function hotspotsPath(query: HotspotsQuery): string {
  const params = new URLSearchParams({
    radiusKm: String(query.radiusKm),
    limit: String(query.limit),
    includeSuspected: String(query.includeSuspected),
  });
  if (query.asOf !== undefined) params.set('asOf', query.asOf);
  return `/api/analysis/hotspots?${params}`;
}

export function importPath(layer: string, query: ImportQuery): string {
  const params = new URLSearchParams({
    dryRun: String(query.dryRun),
    crs: query.crs,
    encoding: query.encoding,
  });
  return `/api/import/${layer}?${params}`;
}

export function searchPath(q: string, limit: number): string {
  return `/api/search?${new URLSearchParams({ q, limit: String(limit) })}`;
}

/** GET /api/reports/progress for a campaign as the records stood at the end of `asOf`. */
export function progressPath(query: ProgressQuery): string {
  return `/api/reports/progress?${new URLSearchParams(definedEntries(query))}`;
}

export function progressSeriesPath(query: ProgressSeriesQuery): string {
  return `/api/reports/progress/series?${new URLSearchParams(definedEntries(query))}`;
}

/** Unexplained load as of a Beijing day (docs/detection.md); without one, the server's today. */
export function unexplainedLoadPath(radiusKm: number, asOf: string | null = null): string {
  const query = new URLSearchParams({ radiusKm: String(radiusKm) });
  if (asOf) query.set('asOf', asOf);
  return `/api/analysis/unexplained-load?${query}`;
}

/** A substation's metered load over Beijing days [from, to] (docs/detection.md, "Readings"). */
export function readingsPath(substationId: number, query: ReadingsRange): string {
  const params = new URLSearchParams({ from: query.from, to: query.to, resolution: query.resolution });
  return `/api/substations/${substationId}/readings?${params}`;
}

/** The meters ranked by mining signatures as of a Beijing day; without one, the server's today. */
export function signaturesPath(asOf: string | null = null): string {
  return `/api/analysis/signatures${asOf ? `?${new URLSearchParams({ asOf })}` : ''}`;
}

const definedEntries = (query: object): [string, string][] =>
  Object.entries(query).flatMap(([k, v]) => (v === undefined ? [] : [[k, String(v)]]));
