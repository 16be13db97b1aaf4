import type { MultiPolygon, Polygon } from 'geojson';
import type { Parsed } from './bbox';
import { DEFAULT_SIZE_CAPS, checkSizeCaps, type SizeCaps } from './check-size-caps';
import { findTopologyError } from './find-topology-error';
import { invalid, pointer, type GeometryRefusal } from './geometry-refusal';
import { parseZoneShape } from './parse-zone-shape';

export type ZoneGeometry = Polygon | MultiPolygon;

type Accepted<T> = Extract<Parsed<T>, { ok: true }>;

export type ZoneValidation = Accepted<ZoneGeometry> | GeometryRefusal;

/**
 * Validates an untrusted GeoJSON geometry for an inspection zone, in the order of QUALITY.md: size caps, shape,
 * coordinate values, rings, topology (jsts), orientation. Each stage runs over the whole geometry before the
 * next, so the answer names the most basic fault. On success the geometry holds only `type` and `coordinates`,
 * with repeated consecutive positions removed, exteriors counter-clockwise and holes clockwise (RFC 7946).
 */
export function validateGeometry(input: unknown, caps: SizeCaps = DEFAULT_SIZE_CAPS): ZoneValidation {
  const tooLarge = checkSizeCaps(input, caps);
  if (tooLarge) return tooLarge;
  const shape = parseZoneShape(input);
  if (!shape.ok) return shape;
  const { type, polygons } = shape.value;
  const at = (p: number, ...rest: number[]) =>
    type === 'Polygon' ? pointer('coordinates', ...rest) : pointer('coordinates', p, ...rest);

  for (const [p, rings] of polygons.entries())
    for (const [r, ring] of rings.entries())
      for (const [i, position] of ring.entries()) {
        const fault = coordinateFault(position);
        if (fault) return invalid(`${fault} at ${at(p, r, i)}`, at(p, r, i));
      }

  const cleaned: number[][][][] = [];
  for (const [p, rings] of polygons.entries()) {
    const cleanedRings: number[][][] = [];
    for (const [r, ring] of rings.entries()) {
      const result = cleanRing(ring, at(p, r));
      if (!result.ok) return result;
      cleanedRings.push(result.value);
    }
    cleaned.push(cleanedRings);
  }

  const geometry: ZoneGeometry =
    type === 'Polygon' ? { type, coordinates: cleaned[0] ?? [] } : { type, coordinates: cleaned };
  const topology = findTopologyError(geometry);
  if (topology) {
    const [x, y] = topology.at ?? [NaN, NaN];
    const [p, r] = nearestRing(cleaned, x, y);
    const where = topology.at ? ` at or near (${x}, ${y})` : '';
    return invalid(`invalid polygon: ${topology.message}${where}, ring ${at(p, r)}`, at(p, r));
  }

  for (const rings of cleaned)
    for (const [r, ring] of rings.entries()) {
      const counterClockwise = signedArea(ring) > 0;
      if (counterClockwise !== (r === 0)) ring.reverse();
    }
  return { ok: true, value: geometry };
}

function coordinateFault([lon = NaN, lat = NaN, ...altitude]: number[]): string | undefined {
  if (!Number.isFinite(lon)) return `longitude ${lon} is not a finite number`;
  if (Math.abs(lon) > 180) return `longitude ${lon} is outside -180..180${metresHint(lon)}`;
  if (!Number.isFinite(lat)) return `latitude ${lat} is not a finite number`;
  if (Math.abs(lat) > 90) return `latitude ${lat} is outside -90..90${metresHint(lat)}`;
  if (altitude.some((z) => !Number.isFinite(z))) return `altitude ${altitude[0]} is not a finite number`;
  return undefined;
}

/** Degrees never reach a thousand; projected coordinates (Web Mercator, Gauss–Krüger) are in the millions. */
function metresHint(value: number): string {
  return Math.abs(value) >= 1000 && Number.isFinite(value) ? ' (projected metres sent as degrees?)' : '';
}

/** Checks length and closure as sent, then removes repeated consecutive positions (by lon/lat). */
function cleanRing(ring: number[][], path: string): Accepted<number[][]> | GeometryRefusal {
  if (ring.length < 4)
    return invalid(
      `ring ${path} has ${ring.length} positions; a closed ring needs at least 4 (3 corners, then the first again)`,
      path,
    );
  const first = ring[0] ?? [];
  const last = ring[ring.length - 1] ?? [];
  if (first.length !== last.length || first.some((v, k) => v !== last[k]))
    return invalid(
      `ring ${path} is not closed: its last position [${last.join(', ')}] differs from its first [${first.join(', ')}]`,
      `${path}/${ring.length - 1}`,
    );
  const cleaned: number[][] = [];
  for (const position of ring) {
    const previous = cleaned[cleaned.length - 1];
    if (!previous || previous[0] !== position[0] || previous[1] !== position[1]) cleaned.push([...position]);
  }
  if (cleaned.length < 4)
    return invalid(
      `ring ${path} collapses after cleaning: without repeated positions it has ${cleaned.length - 1} distinct corners, fewer than 3`,
      path,
    );
  return { ok: true, value: cleaned };
}

/** Twice the area in lon/lat (shoelace), positive when counter-clockwise; relative to the first vertex to keep digits. */
function signedArea(ring: number[][]): number {
  const [x0 = 0, y0 = 0] = ring[0] ?? [];
  let sum = 0;
  for (let i = 1; i + 1 < ring.length; i++) {
    const [ax = 0, ay = 0] = ring[i] ?? [];
    const [bx = 0, by = 0] = ring[i + 1] ?? [];
    sum += (ax - x0) * (by - y0) - (bx - x0) * (ay - y0);
  }
  return sum;
}

/** The ring whose boundary passes nearest to (x, y), to name the place of a jsts error, which gives only a point. */
function nearestRing(polygons: number[][][][], x: number, y: number): [number, number] {
  let best: [number, number] = [0, 0];
  let bestDistance = Infinity;
  for (const [p, rings] of polygons.entries())
    for (const [r, ring] of rings.entries())
      for (let i = 1; i < ring.length; i++) {
        const distance = segmentDistanceSquared(x, y, ring[i - 1] ?? [], ring[i] ?? []);
        if (distance < bestDistance) [best, bestDistance] = [[p, r], distance];
      }
  return best;
}

function segmentDistanceSquared(
  x: number,
  y: number,
  [ax = 0, ay = 0]: number[],
  [bx = 0, by = 0]: number[],
): number {
  const dx = bx - ax;
  const dy = by - ay;
  const lengthSquared = dx * dx + dy * dy;
  const t =
    lengthSquared === 0 ? 0 : Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / lengthSquared));
  return (x - ax - t * dx) ** 2 + (y - ay - t * dy) ** 2;
}
