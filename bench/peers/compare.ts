/**
 * Answers compared feature by feature: GeoJSON by id (properties, and coordinates within 1e-7°), vector
 * tiles decoded (the points inside the tile: MapServer's MVT keeps no buffered points).
 */
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';

export interface Comparison {
  equal: boolean;
  ours: number;
  theirs: number;
  /** The first differences found, for the report. */
  differences: string[];
}

interface GeoFeature {
  id?: number | string;
  geometry: { type: string; coordinates: number[] } | null;
  properties: Record<string, unknown> | null;
}

/** MapServer writes a null text as "" and a boolean as 0/1 (our select casts it): equal for our purpose. */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if ((a === null || a === undefined) && (b === '' || b === null || b === undefined)) return true;
  if (typeof a === 'boolean') return Number(a) === Number(b);
  if (typeof a === 'number' && (typeof b === 'number' || typeof b === 'string'))
    return Math.abs(a - Number(b)) <= 1e-9 * Math.max(1, Math.abs(a));
  if (typeof a === 'string' && typeof b === 'number') return Number(a) === b;
  return false;
}

/** `theirsId` reads a peer feature's id (MapServer puts it in properties.id). */
export function compareFeatureCollections(
  ours: GeoFeature[],
  theirs: GeoFeature[],
  theirsId: (f: GeoFeature) => number = (f) => Number(f.id ?? f.properties?.id),
): Comparison {
  const differences: string[] = [];
  const byId = new Map(theirs.map((f) => [theirsId(f), f]));
  for (const f of ours) {
    const id = Number(f.id);
    const t = byId.get(id);
    if (!t) {
      differences.push(`id ${id}: only ours`);
      continue;
    }
    byId.delete(id);
    const [x1 = NaN, y1 = NaN] = f.geometry?.coordinates ?? [];
    const [x2 = NaN, y2 = NaN] = t.geometry?.coordinates ?? [];
    if (!(Math.abs(x1 - x2) <= 1e-7 && Math.abs(y1 - y2) <= 1e-7))
      differences.push(`id ${id}: position ${x1},${y1} vs ${x2},${y2}`);
    for (const [key, value] of Object.entries(f.properties ?? {})) {
      const other = t.properties?.[key];
      if (!sameValue(value, other))
        differences.push(`id ${id}: ${key} ${JSON.stringify(value)} vs ${JSON.stringify(other)}`);
    }
  }
  for (const id of byId.keys()) differences.push(`id ${id}: only theirs`);
  return {
    equal: differences.length === 0,
    ours: ours.length,
    theirs: theirs.length,
    differences: differences.slice(0, 5),
  };
}

export interface TilePoints {
  /** Plain points inside the tile or on its edge pixels (-1 ≤ x, y ≤ extent): id → pixel. */
  points: Map<number, [number, number]>;
  /** Sites inside the tile: plain points with 0 ≤ x, y < extent, plus the counts of clusters there. */
  inside: number;
  clustered: number;
  /** Plain points within one cluster cell (64 px) of an edge: where a cluster may fall on either side. */
  nearEdge: number;
  extent: number;
  bytes: number;
}

const CELL_PX = 64;

export function tilePoints(bytes: Uint8Array | null, layer = 'sites'): TilePoints {
  const points = new Map<number, [number, number]>();
  const result = { points, inside: 0, clustered: 0, nearEdge: 0, extent: 4096, bytes: bytes?.length ?? 0 };
  if (!bytes || bytes.length === 0) return result;
  const source = new VectorTile(new PbfReader(bytes)).layers[layer];
  const extent = source?.extent ?? 4096;
  result.extent = extent;
  for (let i = 0; source && i < source.length; i++) {
    const f = source.feature(i);
    for (const ring of f.loadGeometry())
      for (const p of ring) {
        const inside = p.x >= 0 && p.y >= 0 && p.x < extent && p.y < extent;
        if (f.properties.cluster === true) {
          if (inside) {
            result.inside += Number(f.properties.count);
            result.clustered += Number(f.properties.count);
          }
          continue;
        }
        if (p.x < -1 || p.y < -1 || p.x > extent || p.y > extent) continue;
        points.set(Number(f.id ?? f.properties.id), [p.x, p.y]);
        if (inside) result.inside++;
        if (Math.min(p.x, p.y, extent - p.x, extent - p.y) < CELL_PX) result.nearEdge++;
      }
  }
  return result;
}

/**
 * Our tile against a peer's, over the sites inside the tile. Where ours has plain points: the same ids at the
 * same pixel (±1 for rounding); a point on the edge pixels may round to either side in either encoder, so it
 * does not count as a difference. Where ours clusters (low zooms, or over TILE_POINT_CAP points): the number
 * of sites inside, within the peer's points near the edge (a cluster cell across the edge lands on one side).
 */
export function compareTiles(ours: TilePoints, theirs: TilePoints): Comparison {
  const differences: string[] = [];
  const onEdge = ([x, y]: [number, number], extent: number) =>
    Math.min(x, y, extent - 1 - x, extent - 1 - y) < 1;
  if (ours.clustered > 0 || theirs.clustered > 0) {
    if (Math.abs(ours.inside - theirs.inside) > theirs.nearEdge + ours.nearEdge)
      differences.push(`sites inside: ${ours.inside} vs ${theirs.inside}`);
  } else {
    for (const [id, p] of ours.points) {
      const t = theirs.points.get(id);
      if (!t) {
        if (!onEdge(p, ours.extent)) differences.push(`id ${id}: only ours at ${p.join(',')}`);
      } else if (Math.abs(t[0] - p[0]) > 1 || Math.abs(t[1] - p[1]) > 1)
        differences.push(`id ${id}: ${p.join(',')} vs ${t.join(',')}`);
    }
    for (const [id, p] of theirs.points)
      if (!ours.points.has(id) && !onEdge(p, theirs.extent))
        differences.push(`id ${id}: only theirs at ${p.join(',')}`);
  }
  return {
    equal: differences.length === 0,
    ours: ours.inside,
    theirs: theirs.inside,
    differences: differences.slice(0, 5),
  };
}

/** Numbers by key (e.g. MW per substation): the same keys, values within `tolerance`. */
export function compareValues(
  ours: Map<string, number>,
  theirs: Map<string, number>,
  tolerance: number,
): Comparison {
  const differences: string[] = [];
  for (const [k, v] of ours) {
    const t = theirs.get(k);
    if (t === undefined) differences.push(`${k}: only ours`);
    else if (!(Math.abs(v - t) <= tolerance)) differences.push(`${k}: ${v} vs ${t}`);
  }
  for (const k of theirs.keys()) if (!ours.has(k)) differences.push(`${k}: only theirs`);
  return {
    equal: differences.length === 0,
    ours: ours.size,
    theirs: theirs.size,
    differences: differences.slice(0, 5),
  };
}

/** Sets of ids (or external ids). */
export function compareIdSets(
  ours: Iterable<number | string>,
  theirs: Iterable<number | string>,
): Comparison {
  const a = new Set(ours);
  const b = new Set(theirs);
  const differences: string[] = [];
  for (const id of a) if (!b.has(id)) differences.push(`${id}: only ours`);
  for (const id of b) if (!a.has(id)) differences.push(`${id}: only theirs`);
  return {
    equal: differences.length === 0,
    ours: a.size,
    theirs: b.size,
    differences: differences.slice(0, 5),
  };
}
