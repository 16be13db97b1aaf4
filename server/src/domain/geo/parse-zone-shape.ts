import type { Parsed } from './bbox';
import { malformed, pointer, type GeometryRefusal } from './geometry-refusal';

/** A zone's rings as polygons → rings → positions, whatever its type; positions hold 2 or 3 numbers. */
export interface ZoneShape {
  readonly type: 'Polygon' | 'MultiPolygon';
  readonly polygons: number[][][][];
}

const OTHER_GEOJSON_TYPES = new Set([
  'Point',
  'MultiPoint',
  'LineString',
  'MultiLineString',
  'GeometryCollection',
  'Feature',
  'FeatureCollection',
]);

/**
 * Checks that an untrusted value has the shape of a GeoJSON Polygon or MultiPolygon (QUALITY.md §2): the type,
 * the nesting of `coordinates`, positions of 2 or 3 numbers. Values and topology are checked later. Every loop
 * is bounded by the nesting of a Polygon, so this never recurses into untrusted depth.
 */
export function parseZoneShape(input: unknown): Extract<Parsed<ZoneShape>, { ok: true }> | GeometryRefusal {
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    return malformed(`a geometry must be a GeoJSON object, got ${describe(input)}`, '');
  const geometry = input as Record<string, unknown>;
  // RFC 7946 removed `crs`: coordinates are always WGS 84 lon/lat, and a client that sends one expects another.
  if (Object.hasOwn(geometry, 'crs'))
    return malformed(
      'the "crs" member is not allowed: coordinates must be WGS 84 longitude/latitude',
      '/crs',
    );
  const type = geometry.type;
  if (typeof type !== 'string') return malformed(`"type" must be a string, got ${describe(type)}`, '/type');
  if (type !== 'Polygon' && type !== 'MultiPolygon')
    return malformed(
      OTHER_GEOJSON_TYPES.has(type)
        ? `a zone must be a Polygon or MultiPolygon, not a ${type}`
        : `unknown geometry type "${type}"; a zone must be a Polygon or MultiPolygon`,
      '/type',
    );
  if (!Object.hasOwn(geometry, 'coordinates'))
    return malformed(`a ${type} needs "coordinates"`, '/coordinates');
  const coordinates = geometry.coordinates;
  if (type === 'Polygon') {
    const polygon = parsePolygon(coordinates, ['coordinates']);
    return Array.isArray(polygon) ? { ok: true, value: { type, polygons: [polygon] } } : polygon;
  }
  if (!Array.isArray(coordinates) || coordinates.length === 0)
    return malformed(
      `a MultiPolygon needs a non-empty array of polygons, got ${describe(coordinates)}`,
      '/coordinates',
    );
  const polygons: number[][][][] = [];
  for (const [p, candidate] of coordinates.entries()) {
    const polygon = parsePolygon(candidate, ['coordinates', p]);
    if (!Array.isArray(polygon)) return polygon;
    polygons.push(polygon);
  }
  return { ok: true, value: { type, polygons } };
}

function parsePolygon(value: unknown, at: (string | number)[]): number[][][] | GeometryRefusal {
  if (!Array.isArray(value) || value.length === 0)
    return malformed(
      `${pointer(...at)} must be a polygon (a non-empty array of rings), got ${describe(value)}`,
      pointer(...at),
    );
  const rings: number[][][] = [];
  for (const [r, ring] of value.entries()) {
    const ringAt = [...at, r];
    if (!Array.isArray(ring))
      return malformed(
        `wrong nesting depth: ${pointer(...ringAt)} must be a ring (an array of positions), got ${describe(ring)}`,
        pointer(...ringAt),
      );
    if (ring.length === 0) return malformed(`ring ${pointer(...ringAt)} is empty`, pointer(...ringAt));
    const positions: number[][] = [];
    for (const [i, position] of ring.entries()) {
      const parsed = parsePosition(position, [...ringAt, i]);
      if (!Array.isArray(parsed)) return parsed;
      positions.push(parsed);
    }
    rings.push(positions);
  }
  return rings;
}

function parsePosition(value: unknown, at: (string | number)[]): number[] | GeometryRefusal {
  const path = pointer(...at);
  if (!Array.isArray(value))
    return malformed(
      `wrong nesting depth: ${path} must be a position [longitude, latitude], got ${describe(value)}`,
      path,
    );
  for (const [k, n] of value.entries()) {
    if (Array.isArray(n))
      return malformed(
        `wrong nesting depth: ${pointer(...at, k)} must be a number, got an array`,
        pointer(...at, k),
      );
    if (typeof n !== 'number')
      return malformed(`${pointer(...at, k)} must be a number, got ${describe(n)}`, pointer(...at, k));
  }
  if (value.length < 2)
    return malformed(
      `position ${path} has ${value.length} number${value.length === 1 ? '' : 's'}; it needs longitude and latitude`,
      path,
    );
  if (value.length > 3)
    return malformed(
      `position ${path} has ${value.length} numbers; at most 3 (longitude, latitude, altitude)`,
      path,
    );
  return value as number[];
}

/** What a value is, for a message: short, and never echoing a long string back in full. */
function describe(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return value.length === 0 ? 'an empty array' : 'an array';
  if (typeof value === 'string')
    return `the string ${JSON.stringify(value.length > 20 ? `${value.slice(0, 20)}…` : value)}`;
  if (typeof value === 'number') return `the number ${value}`;
  return typeof value === 'object' ? 'an object' : `${typeof value} ${String(value)}`;
}
