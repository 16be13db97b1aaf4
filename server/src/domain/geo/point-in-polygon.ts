import type { MultiPolygon, Polygon, Position } from 'geojson';
import { orient2d } from './orient2d';

/**
 * Whether a lon/lat point lies inside a Polygon or MultiPolygon or on its boundary (DOMAIN.md, "sites in a
 * zone"). Edges are straight lines in lon/lat, as RFC 7946 draws them and as PostGIS `ST_Covers` on `geometry`
 * tests them. A point on an edge or vertex of any ring, holes included, is on the boundary and counts as inside;
 * a point strictly inside a hole does not.
 *
 * For many points against one polygon, prepare it once with `preparePointInPolygon`.
 */
export function pointInPolygon(point: Position, geometry: Polygon | MultiPolygon): boolean {
  return preparePointInPolygon(geometry)(point);
}

/**
 * Prepares the rings once (flat coordinates, a bbox and latitude bands per ring), so that each test skips rings
 * that cannot contain the point and looks at only the few edges level with it.
 */
export function preparePointInPolygon(geometry: Polygon | MultiPolygon): (point: Position) => boolean {
  const polygons = (geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates).map(
    (rings) => rings.map(prepareRing),
  );
  return (point) => {
    const [x, y] = point;
    if (x === undefined || y === undefined) return false;
    for (const [shell, ...holes] of polygons) {
      if (!shell) continue;
      const inShell = locate(shell, x, y);
      if (inShell === BOUNDARY) return true;
      if (inShell === OUTSIDE) continue;
      let inHole = false;
      for (const hole of holes) {
        const where = locate(hole, x, y);
        if (where === BOUNDARY) return true;
        if (where === INSIDE) inHole = true;
      }
      if (!inHole) return true;
    }
    return false;
  };
}

const INSIDE = 1;
const BOUNDARY = 0;
const OUTSIDE = -1;

interface PreparedRing {
  /** x0, y0, x1, y1, …: a typed array is several times faster to scan than nested GeoJSON arrays. */
  readonly xy: Float64Array;
  readonly minX: number;
  readonly minY: number;
  readonly maxX: number;
  readonly maxY: number;
  /** Latitude bands of equal height; the edges of band b are `edges[bandStart[b]] … edges[bandStart[b + 1] - 1]`. */
  readonly bandHeight: number;
  readonly bandStart: Int32Array;
  /** Each edge by the index in `xy` of its first end; an edge sits in every band its latitude range touches. */
  readonly edges: Int32Array;
}

/**
 * A point only needs the edges whose latitude range contains its latitude. Bucketing them into bands makes a
 * test cost a few edges instead of all of them, which is what makes a million tests against a detailed zone
 * take milliseconds rather than seconds.
 */
function prepareRing(ring: readonly Position[]): PreparedRing {
  const n = ring.length;
  const xy = new Float64Array(n * 2);
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (let i = 0; i < n; i++) {
    const x = ring[i]?.[0] ?? NaN;
    const y = ring[i]?.[1] ?? NaN;
    xy[2 * i] = x;
    xy[2 * i + 1] = y;
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  // Tall edges sit in many bands; fewer bands bound the memory of a zigzag ring to a few entries per edge.
  let bandCount = Math.max(1, Math.ceil(n / 2));
  while (bandCount > 1 && fillBands(xy, minY, heightOf(minY, maxY, bandCount), bandCount) > 8 * n)
    bandCount = Math.ceil(bandCount / 4);
  const bandHeight = heightOf(minY, maxY, bandCount);
  const bandStart = new Int32Array(bandCount + 1);
  fillBands(xy, minY, bandHeight, bandCount, bandStart);
  for (let b = 0; b < bandCount; b++) bandStart[b + 1]! += bandStart[b]!;
  const edges = new Int32Array(bandStart[bandCount]!);
  fillBands(xy, minY, bandHeight, bandCount, bandStart.slice(0, bandCount), edges);
  return { xy, minX, minY, maxX, maxY, bandHeight, bandStart, edges };
}

function heightOf(minY: number, maxY: number, bandCount: number): number {
  return (maxY - minY) / bandCount || 1;
}

/** The band of a latitude; `locate` uses the same expression, so a latitude on a border finds its edges. */
function bandOf(y: number, minY: number, bandHeight: number, bandCount: number): number {
  return Math.min(bandCount - 1, Math.max(0, Math.floor((y - minY) / bandHeight)));
}

/**
 * Visits every (edge, band) pair, the edge running from the vertex at `xy[i]` to the next (the last closing to
 * the first), and returns how many there are. With `counts`, counts the edges of each band in `counts[b + 1]`;
 * with `edges` as well, writes each edge at `counts[b]`, the next free slot of its band.
 */
function fillBands(
  xy: Float64Array,
  minY: number,
  bandHeight: number,
  bandCount: number,
  counts?: Int32Array,
  edges?: Int32Array,
): number {
  const n = xy.length;
  let total = 0;
  for (let i = 0; i < n; i += 2) {
    const ay = xy[i + 1]!;
    const by = xy[(i + 3) % n]!;
    const first = bandOf(Math.min(ay, by), minY, bandHeight, bandCount);
    const last = bandOf(Math.max(ay, by), minY, bandHeight, bandCount);
    total += last - first + 1;
    if (counts)
      for (let b = first; b <= last; b++) {
        if (edges) edges[counts[b]!++] = i;
        else counts[b + 1]!++;
      }
  }
  return total;
}

/**
 * Crossing number along the ray towards +x, with the half-open rule (an edge counts when one end is above the
 * point's latitude and the other is not), so a ray through a vertex is counted once. The side of the edge comes
 * from the exact orientation, which also finds the point on the edge.
 */
function locate(ring: PreparedRing, x: number, y: number): number {
  if (x < ring.minX || x > ring.maxX || y < ring.minY || y > ring.maxY) return OUTSIDE;
  const { xy, edges, bandStart } = ring;
  const n = xy.length;
  const b = bandOf(y, ring.minY, ring.bandHeight, bandStart.length - 1);
  let inside = false;
  for (let k = bandStart[b]!, end = bandStart[b + 1]!; k < end; k++) {
    const i = edges[k]!;
    const ax = xy[i]!;
    const ay = xy[i + 1]!;
    const bx = xy[(i + 2) % n]!;
    const by = xy[(i + 3) % n]!;
    if (ay > y !== by > y) {
      // A quick decision when the point is left or right of both ends, without orient2d.
      if (x < ax && x < bx) inside = !inside;
      else if (x <= ax || x <= bx) {
        const side = orient2d(ax, ay, bx, by, x, y);
        if (side === 0) return BOUNDARY;
        if (side > 0 === by > ay) inside = !inside;
      }
    } else if ((ay === y || by === y) && orient2d(ax, ay, bx, by, x, y) === 0) {
      // The edge touches the point's latitude without straddling it: the point can only be on it at an end
      // or, for a horizontal edge, between its ends.
      if (x >= Math.min(ax, bx) && x <= Math.max(ax, bx)) return BOUNDARY;
    }
  }
  return inside ? INSIDE : OUTSIDE;
}
