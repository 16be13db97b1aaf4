/**
 * GeoJSON geometries as little-endian WKB (OGC Simple Features, 2D), the geometry encoding a GeoPackage stores
 * after its own header (services/export-gpkg.ts).
 */
import type { Geometry, Position } from 'geojson';

const TYPE_CODES = {
  Point: 1,
  LineString: 2,
  Polygon: 3,
  MultiPoint: 4,
  MultiLineString: 5,
  MultiPolygon: 6,
} as const;

class WkbWriter {
  private readonly parts: Buffer[] = [];
  uint8(n: number) {
    this.parts.push(Buffer.from([n]));
  }
  uint32(n: number) {
    const b = Buffer.alloc(4);
    b.writeUInt32LE(n);
    this.parts.push(b);
  }
  point([x, y]: Position) {
    const b = Buffer.alloc(16);
    b.writeDoubleLE(x!, 0);
    b.writeDoubleLE(y!, 8);
    this.parts.push(b);
  }
  points(ps: Position[]) {
    this.uint32(ps.length);
    for (const p of ps) this.point(p);
  }
  rings(rings: Position[][]) {
    this.uint32(rings.length);
    for (const r of rings) this.points(r);
  }
  bytes() {
    return Buffer.concat(this.parts);
  }
}

function write(w: WkbWriter, g: Geometry): void {
  if (g.type === 'GeometryCollection') throw new Error('geometry collections are not exported');
  w.uint8(1); // little endian
  w.uint32(TYPE_CODES[g.type]);
  switch (g.type) {
    case 'Point':
      return w.point(g.coordinates);
    case 'LineString':
      return w.points(g.coordinates);
    case 'Polygon':
      return w.rings(g.coordinates);
    case 'MultiPoint':
      w.uint32(g.coordinates.length);
      for (const p of g.coordinates) write(w, { type: 'Point', coordinates: p });
      return;
    case 'MultiLineString':
      w.uint32(g.coordinates.length);
      for (const l of g.coordinates) write(w, { type: 'LineString', coordinates: l });
      return;
    case 'MultiPolygon':
      w.uint32(g.coordinates.length);
      for (const p of g.coordinates) write(w, { type: 'Polygon', coordinates: p });
      return;
  }
}

export function toWkb(geometry: Geometry): Buffer {
  const w = new WkbWriter();
  write(w, geometry);
  return w.bytes();
}

/** [minX, minY, maxX, maxY] of a geometry's positions. */
export function envelopeOf(geometry: Geometry): [number, number, number, number] {
  const box: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  const visit = (c: unknown): void => {
    if (typeof (c as number[])[0] === 'number') {
      const [x, y] = c as number[];
      box[0] = Math.min(box[0], x!);
      box[1] = Math.min(box[1], y!);
      box[2] = Math.max(box[2], x!);
      box[3] = Math.max(box[3], y!);
    } else for (const inner of c as unknown[]) visit(inner);
  };
  if (geometry.type !== 'GeometryCollection') visit(geometry.coordinates);
  return box;
}
