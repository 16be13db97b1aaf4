import type { MultiPolygon, Polygon, Position } from 'geojson';

/** Even-odd ray casting; points exactly on an edge may fall either way, which no caller depends on. */
export function pointInRing(lon: number, lat: number, ring: readonly Position[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const a = ring[i];
    const b = ring[j];
    if (!a || !b) continue;
    const [xi = 0, yi = 0] = a;
    const [xj = 0, yj = 0] = b;
    if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

export function pointInGeometry(lon: number, lat: number, geometry: Polygon | MultiPolygon): boolean {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  let inside = false;
  for (const polygon of polygons)
    for (const ring of polygon) if (pointInRing(lon, lat, ring)) inside = !inside;
  return inside;
}

/**
 * Point-in-polygon for many points against one detailed polygon (the outline has thousands of vertices and the
 * benchmark places a million sites): edges are bucketed into latitude bands, so a test only crosses the few
 * edges of its band instead of all of them.
 */
export class PolygonIndex {
  private readonly bands: number[][];
  private readonly minLat: number;
  private readonly bandHeight: number;
  readonly bbox: [number, number, number, number];

  constructor(geometry: Polygon | MultiPolygon, bandCount = 2048) {
    const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
    const bbox: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
    for (const polygon of polygons)
      for (const ring of polygon)
        for (const [x = 0, y = 0] of ring) {
          bbox[0] = Math.min(bbox[0], x);
          bbox[1] = Math.min(bbox[1], y);
          bbox[2] = Math.max(bbox[2], x);
          bbox[3] = Math.max(bbox[3], y);
        }
    this.bbox = bbox;
    this.minLat = bbox[1];
    this.bandHeight = (bbox[3] - bbox[1]) / bandCount || 1;
    this.bands = Array.from({ length: bandCount }, () => []);
    for (const polygon of polygons)
      for (const ring of polygon)
        for (let i = 1; i < ring.length; i++) {
          const [x1 = 0, y1 = 0] = ring[i - 1] ?? [];
          const [x2 = 0, y2 = 0] = ring[i] ?? [];
          if (y1 === y2) continue;
          const first = this.band(Math.min(y1, y2));
          const last = this.band(Math.max(y1, y2));
          for (let b = first; b <= last; b++) this.bands[b]?.push(x1, y1, x2, y2);
        }
  }

  private band(lat: number): number {
    const b = Math.floor((lat - this.minLat) / this.bandHeight);
    return Math.max(0, Math.min(this.bands.length - 1, b));
  }

  contains(lon: number, lat: number): boolean {
    if (lon < this.bbox[0] || lon > this.bbox[2] || lat < this.bbox[1] || lat > this.bbox[3]) return false;
    const edges = this.bands[this.band(lat)] ?? [];
    let inside = false;
    for (let k = 0; k < edges.length; k += 4) {
      const x1 = edges[k] ?? 0;
      const y1 = edges[k + 1] ?? 0;
      const x2 = edges[k + 2] ?? 0;
      const y2 = edges[k + 3] ?? 0;
      if (y1 > lat !== y2 > lat && lon < ((x2 - x1) * (lat - y1)) / (y2 - y1) + x1) inside = !inside;
    }
    return inside;
  }
}
