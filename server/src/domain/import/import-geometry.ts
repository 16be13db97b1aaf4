import type { LineString, MultiLineString, MultiPolygon, Point, Polygon, Position } from 'geojson';
import { checkSizeCaps } from '../geo/check-size-caps';
import { gcj02ToWgs84 } from '../geo/gcj02';
import { validateGeometry } from '../geo/validate-geometry';

/** The datum of an import's coordinates: WGS 84 (RFC 7946), or GCJ-02 copied from a Chinese web map. */
export type Crs = 'wgs84' | 'gcj02';

export type GeometryKind = 'point' | 'line' | 'area';

export interface GeometryOf {
  point: Point;
  line: LineString | MultiLineString;
  area: MultiPolygon;
}

export type GeometryRead<G> = { ok: true; value: G } | { ok: false; reason: string };

/**
 * The region of the data (DOMAIN.md, 73.5–96.4° E, 34.3–49.2° N) grown by 2°: a position outside it is not a
 * small mistake but lon/lat swapped or projected metres, and storing it would hide the row from every map.
 */
export const XINJIANG_FRAME = { minLon: 71.5, maxLon: 98.4, minLat: 32.3, maxLat: 51.2 } as const;

export const CRS_REFUSED =
  'a "crs" member is not allowed: GeoJSON (RFC 7946) is WGS 84 lon/lat; for GCJ-02 send ?crs=gcj02';

/** Reads and checks an imported geometry of the layer's kind; coordinates come back in WGS 84. */
export function readGeometry<K extends GeometryKind>(
  kind: K,
  input: unknown,
  crs: Crs,
): GeometryRead<GeometryOf[K]> {
  const read =
    kind === 'point' ? readPoint(input, crs) : kind === 'line' ? readLine(input, crs) : readArea(input, crs);
  return read as GeometryRead<GeometryOf[K]>;
}

const EXPECTED: Record<GeometryKind, string> = {
  point: 'a Point',
  line: 'a LineString or MultiLineString',
  area: 'a Polygon or MultiPolygon',
};

function shapeFault(kind: GeometryKind, input: unknown): string | null {
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    return `the geometry must be ${EXPECTED[kind]} object, not ${input === null ? 'null' : typeof input}`;
  if (Object.hasOwn(input, 'crs')) return CRS_REFUSED;
  return null;
}

function readPoint(input: unknown, crs: Crs): GeometryRead<Point> {
  const fault = shapeFault('point', input);
  if (fault) return { ok: false, reason: fault };
  const { type, coordinates } = input as { type?: unknown; coordinates?: unknown };
  if (type !== 'Point') return { ok: false, reason: `the geometry must be a Point, not ${String(type)}` };
  const position = readPosition(coordinates, '/coordinates');
  if (!position.ok) return position;
  const placed = place(position.value, crs, '/coordinates');
  return placed.ok ? { ok: true, value: { type: 'Point', coordinates: placed.value } } : placed;
}

function readLine(input: unknown, crs: Crs): GeometryRead<LineString | MultiLineString> {
  const fault = shapeFault('line', input);
  if (fault) return { ok: false, reason: fault };
  const tooLarge = checkSizeCaps(input);
  if (tooLarge) return { ok: false, reason: `${tooLarge.reason} at ${tooLarge.path}` };
  const { type, coordinates } = input as { type?: unknown; coordinates?: unknown };
  if (type === 'LineString') {
    const line = readPath(coordinates, '/coordinates', crs);
    return line.ok ? { ok: true, value: { type, coordinates: line.value } } : line;
  }
  if (type === 'MultiLineString') {
    if (!Array.isArray(coordinates) || coordinates.length === 0)
      return { ok: false, reason: 'the coordinates of a MultiLineString must be a non-empty array of lines' };
    const lines: Position[][] = [];
    for (const [i, part] of coordinates.entries()) {
      const line = readPath(part, `/coordinates/${i}`, crs);
      if (!line.ok) return line;
      lines.push(line.value);
    }
    return { ok: true, value: { type, coordinates: lines } };
  }
  return { ok: false, reason: `the geometry must be a LineString or MultiLineString, not ${String(type)}` };
}

function readPath(input: unknown, path: string, crs: Crs): GeometryRead<Position[]> {
  if (!Array.isArray(input) || input.length < 2)
    return { ok: false, reason: `the line at ${path} needs at least 2 positions` };
  const positions: Position[] = [];
  for (const [i, item] of input.entries()) {
    const position = readPosition(item, `${path}/${i}`);
    if (!position.ok) return position;
    const placed = place(position.value, crs, `${path}/${i}`);
    if (!placed.ok) return placed;
    positions.push(placed.value);
  }
  return { ok: true, value: positions };
}

/**
 * validateGeometry checks shape, range and topology; with GCJ-02 the cleaned rings are converted and checked
 * again, because the shift (a few hundred metres, varying in space) could in principle fold a thin polygon.
 */
function readArea(input: unknown, crs: Crs): GeometryRead<MultiPolygon> {
  const fault = shapeFault('area', input);
  if (fault) return { ok: false, reason: fault };
  const first = validateGeometry(input);
  if (!first.ok) return { ok: false, reason: first.reason };
  let polygons = asPolygons(first.value);
  if (crs === 'gcj02') {
    const converted = validateGeometry({
      type: 'MultiPolygon',
      coordinates: polygons.map((rings) =>
        rings.map((ring) => ring.map(([lon = NaN, lat = NaN]) => gcj02ToWgs84(lon, lat))),
      ),
    });
    if (!converted.ok) return { ok: false, reason: `after conversion from GCJ-02: ${converted.reason}` };
    polygons = asPolygons(converted.value);
  }
  for (const [p, rings] of polygons.entries())
    for (const [r, ring] of rings.entries())
      for (const [i, position] of ring.entries()) {
        const outside = outsideFrame(position, `/coordinates/${p}/${r}/${i}`);
        if (outside) return { ok: false, reason: outside };
      }
  return { ok: true, value: { type: 'MultiPolygon', coordinates: polygons } };
}

/** Regions are stored as MultiPolygons (DOMAIN.md), so a Polygon becomes a MultiPolygon of one. */
function asPolygons(geometry: Polygon | MultiPolygon): Position[][][] {
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

/** A position of 2 or 3 finite numbers within -180..180, -90..90; altitude is dropped (the store is 2D). */
function readPosition(input: unknown, path: string): GeometryRead<Position> {
  if (!Array.isArray(input) || input.length < 2 || input.length > 3)
    return { ok: false, reason: `the position at ${path} must be [lon, lat]` };
  if (!input.every((v) => typeof v === 'number'))
    return {
      ok: false,
      reason: `the position at ${path} must hold numbers, not ${JSON.stringify(input).slice(0, 60)}`,
    };
  const [lon, lat] = input as [number, number];
  if (!Number.isFinite(lon) || Math.abs(lon) > 180)
    return { ok: false, reason: `longitude ${lon} at ${path} is outside -180..180${metresHint(lon)}` };
  if (!Number.isFinite(lat) || Math.abs(lat) > 90)
    return { ok: false, reason: `latitude ${lat} at ${path} is outside -90..90${metresHint(lat)}` };
  return { ok: true, value: [lon, lat] };
}

/** Converts to WGS 84 when the import is GCJ-02, then refuses a position far outside the region. */
function place([lon = NaN, lat = NaN]: Position, crs: Crs, path: string): GeometryRead<Position> {
  const wgs = crs === 'gcj02' ? gcj02ToWgs84(lon, lat) : [lon, lat];
  const outside = outsideFrame(wgs, path);
  return outside ? { ok: false, reason: outside } : { ok: true, value: wgs };
}

function inFrame(lon: number, lat: number): boolean {
  const f = XINJIANG_FRAME;
  return lon >= f.minLon && lon <= f.maxLon && lat >= f.minLat && lat <= f.maxLat;
}

function outsideFrame([lon = NaN, lat = NaN]: Position, path: string): string | null {
  if (inFrame(lon, lat)) return null;
  const why = inFrame(lat, lon)
    ? `lon/lat swapped: [${lat}, ${lon}] would lie in Xinjiang`
    : 'lon/lat swapped or projected';
  return `the position [${lon}, ${lat}] at ${path} lies far outside Xinjiang (73.5–96.4° E, 34.3–49.2° N): probably ${why}`;
}

function metresHint(value: number): string {
  return Number.isFinite(value) && Math.abs(value) >= 1000 ? ' (projected metres sent as degrees?)' : '';
}
