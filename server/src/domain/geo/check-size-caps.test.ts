import { describe, expect, it } from 'vitest';
import { DEFAULT_SIZE_CAPS, checkSizeCaps } from './check-size-caps';

function ring(vertices: number): number[][] {
  return Array.from({ length: vertices }, (_, i) => [87 + Math.cos(i), 43 + Math.sin(i)]);
}

function nestedCollection(depth: number): unknown {
  let geometry: unknown = { type: 'Point', coordinates: [87, 43] };
  for (let i = 0; i < depth; i++) geometry = { type: 'GeometryCollection', geometries: [geometry] };
  return geometry;
}

describe('checkSizeCaps', () => {
  it('accepts a polygon at the vertex cap', () => {
    const polygon = { type: 'Polygon', coordinates: [ring(DEFAULT_SIZE_CAPS.maxVertices)] };
    expect(checkSizeCaps(polygon)).toBeUndefined();
  });

  it('refuses a polygon with a million vertices with 413, at the first vertex over the cap', () => {
    const polygon = { type: 'Polygon', coordinates: [ring(10), ring(1_000_000)] };
    expect(checkSizeCaps(polygon)).toEqual({
      ok: false,
      status: 413,
      code: 'PAYLOAD_TOO_LARGE',
      reason: 'the geometry has more than 100000 vertices',
      path: '/coordinates/1/99990',
    });
  });

  it('refuses a GeometryCollection nested 10,000 deep with 413, without overflowing the stack', () => {
    const refusal = checkSizeCaps(nestedCollection(10_000));
    expect(refusal?.status).toBe(413);
    expect(refusal?.reason).toMatch(/nested more than 16 levels/);
    expect(refusal?.path).toBe(
      '/geometries/0/geometries/0/geometries/0/geometries/0/geometries/0/geometries/0/geometries/0/geometries/0',
    );
  });

  it('refuses arrays nested deeper than the cap', () => {
    let deep: unknown = [87, 43];
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(checkSizeCaps({ type: 'Polygon', coordinates: deep })?.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('takes its caps as a parameter', () => {
    const polygon = { type: 'Polygon', coordinates: [ring(5)] };
    expect(checkSizeCaps(polygon, { maxVertices: 4, maxDepth: 16 })?.path).toBe('/coordinates/0/4');
    expect(checkSizeCaps(polygon, { maxVertices: 5, maxDepth: 3 })?.path).toBe('/coordinates/0/0');
    expect(checkSizeCaps(polygon, { maxVertices: 5, maxDepth: 4 })).toBeUndefined();
  });

  it('leaves scalars and the shape to later checks', () => {
    expect(checkSizeCaps(42)).toBeUndefined();
    expect(checkSizeCaps(null)).toBeUndefined();
    expect(checkSizeCaps({ type: 'Polygon', coordinates: 'no' })).toBeUndefined();
  });

  it('escapes keys in the path', () => {
    expect(checkSizeCaps({ 'a/b': [[1, 2]] }, { maxVertices: 0, maxDepth: 16 })?.path).toBe('/a~1b/0');
  });
});
