import { deserialize } from 'flatgeobuf/lib/mjs/geojson.js';
import type { HeaderMeta } from 'flatgeobuf/lib/mjs/header-meta.js';
import type { Feature, Point } from 'geojson';
import { describe, expect, it } from 'vitest';
import { FlatGeobufWriter, type FgbColumn } from './flatgeobuf-file';
import { NODE_ITEM_BYTES } from './packed-rtree';

const COLUMNS: FgbColumn[] = [
  { name: 'id', type: 'int' },
  { name: 'name', type: 'string' },
  { name: 'loadMw', type: 'double' },
  { name: 'synthetic', type: 'bool' },
  { name: 'licenceNo', type: 'string' },
];
const ABOUT = {
  name: 'sites',
  title: 'gridwatch sites',
  description: '{"count":3}',
  metadata: '{"count":3}',
};

/** A seeded pseudo-random sequence, so the fixture is the same every run. */
function random(seed: number) {
  return () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
}

/** 1,000 points over Xinjiang: 1,000 leaves, 63 + 4 + 1 parents at node size 16, three levels above the leaves. */
const POINTS = (() => {
  const next = random(15);
  return Array.from({ length: 1000 }, (_, i) => ({
    id: i + 1,
    lon: 74 + next() * 22,
    lat: 35 + next() * 14,
  }));
})();

function writePoints(points: typeof POINTS, nodeSize?: number) {
  const writer = new FlatGeobufWriter(COLUMNS, nodeSize);
  for (const p of points) {
    writer.add(
      { type: 'Point', coordinates: [p.lon, p.lat] },
      { id: p.id, name: `Site ${p.id}`, loadMw: p.id / 10, synthetic: p.id % 2 === 0, licenceNo: null },
    );
  }
  return writer.finish(ABOUT);
}

async function read(bytes: Uint8Array, rect?: { minX: number; minY: number; maxX: number; maxY: number }) {
  let header: HeaderMeta | null = null;
  const features: Feature[] = [];
  for await (const f of deserialize(bytes, { rect, headerMetaFn: (h) => (header = h) }))
    features.push(f as Feature);
  return { header: header as HeaderMeta | null, features };
}

describe('FlatGeobuf with its packed Hilbert R-tree', () => {
  it('writes the header: count, node size, extent, WGS 84, title, description and metadata', async () => {
    const bytes = writePoints(POINTS);
    const { header, features } = await read(bytes);
    expect(header!.featuresCount).toBe(1000);
    expect(header!.indexNodeSize).toBe(16);
    expect(header!.crs?.code).toBe(4326);
    expect(header!.title).toBe('gridwatch sites');
    expect(header!.description).toBe('{"count":3}');
    expect(header!.metadata).toBe('{"count":3}');
    const lons = POINTS.map((p) => p.lon);
    expect(header!.envelope![0]).toBe(Math.min(...lons));
    expect(header!.envelope![2]).toBe(Math.max(...lons));
    // Every feature once, attributes as given (a null is left out, as the format does).
    expect(features.map((f) => f.properties!.id).sort((a, b) => a - b)).toEqual(POINTS.map((p) => p.id));
    const seven = features.find((f) => f.properties!.id === 7)!;
    expect(seven.properties).toEqual({ id: 7, name: 'Site 7', loadMw: 0.7, synthetic: false });
    expect((seven.geometry as Point).coordinates).toEqual([POINTS[6]!.lon, POINTS[6]!.lat]);
  });

  it('sizes the index as the spec does: (1000 + 63 + 4 + 1) nodes of 40 bytes before the features', () => {
    const withIndex = writePoints(POINTS);
    const without = writePoints(POINTS, 1000); // two levels: 1000 leaves and the root
    expect(withIndex.length - without.length).toBe((63 + 4 + 1 - 1) * NODE_ITEM_BYTES);
  });

  it('answers a rect through the index with exactly the features inside it', async () => {
    const bytes = writePoints(POINTS);
    const rects = [
      { minX: 86, minY: 43, maxX: 90, maxY: 45 },
      { minX: 74, minY: 35, maxX: 75, maxY: 36 },
      { minX: 80.5, minY: 40.1, maxX: 80.6, maxY: 40.2 },
      { minX: 0, minY: 0, maxX: 1, maxY: 1 },
      { minX: 70, minY: 30, maxX: 100, maxY: 50 },
    ];
    for (const rect of rects) {
      const { features } = await read(bytes, rect);
      const inside = POINTS.filter(
        (p) => p.lon >= rect.minX && p.lon <= rect.maxX && p.lat >= rect.minY && p.lat <= rect.maxY,
      );
      expect(features.map((f) => f.properties!.id).sort((a, b) => a - b)).toEqual(inside.map((p) => p.id));
    }
  });

  it('writes the features in Hilbert order: neighbours on the curve are near on the map', async () => {
    const { features } = await read(writePoints(POINTS));
    const step = (i: number) => {
      const [a, b] = [features[i]!.geometry as Point, features[i + 1]!.geometry as Point];
      return Math.hypot(a.coordinates[0]! - b.coordinates[0]!, a.coordinates[1]! - b.coordinates[1]!);
    };
    const mean = (n: number) => n / (features.length - 1);
    const inFileOrder = mean(features.slice(1).reduce((s, _, i) => s + step(i), 0));
    // Input (random) order steps ≈ 9° on average; the curve's ≈ 0.6°.
    expect(inFileOrder).toBeLessThan(1.5);
  });

  it('indexes lines by their bbox, and one feature (a root that is its only leaf)', async () => {
    const writer = new FlatGeobufWriter([{ name: 'id', type: 'int' }]);
    writer.add(
      {
        type: 'LineString',
        coordinates: [
          [80, 40],
          [90, 45],
        ],
      },
      { id: 1 },
    );
    writer.add(
      {
        type: 'LineString',
        coordinates: [
          [81, 41],
          [82, 42],
        ],
      },
      { id: 2 },
    );
    const bytes = writer.finish(ABOUT);
    const hit = await read(bytes, { minX: 89, minY: 44, maxX: 89.5, maxY: 44.5 });
    expect(hit.features.map((f) => f.properties!.id)).toEqual([1]);

    const single = new FlatGeobufWriter([{ name: 'id', type: 'int' }]);
    single.add({ type: 'Point', coordinates: [87, 44] }, { id: 9 });
    const one = await read(single.finish(ABOUT), { minX: 86, minY: 43, maxX: 88, maxY: 45 });
    expect(one.features.map((f) => f.properties!.id)).toEqual([9]);
  });

  it('writes an empty layer with no index and no extent', async () => {
    const bytes = new FlatGeobufWriter(COLUMNS).finish(ABOUT);
    const { header, features } = await read(bytes);
    expect(header!.featuresCount).toBe(0);
    expect(header!.indexNodeSize).toBe(0);
    expect(header!.envelope).toBeNull();
    expect(features).toEqual([]);
  });

  it('refuses a property without a column, or of another type than its column', () => {
    const writer = new FlatGeobufWriter(COLUMNS);
    const point: Point = { type: 'Point', coordinates: [87, 44] };
    expect(() => writer.add(point, { id: 1, extra: 1 })).toThrow('Property extra has no column');
    expect(() => writer.add(point, { id: '1' })).toThrow('Property id is string, its column int');
  });
});
