import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { geometryAreaM2, ringAreaM2 } from './area';
import { clipLineToBox } from './clip-line';
import { boxRing, clipToConvex } from './convex-clip';
import { haversineM, offsetKm } from './geo';
import { PointGrid } from './point-grid';
import { PolygonIndex, pointInGeometry } from './point-in-polygon';
import { Rng } from './prng';
import { roundCoordinates } from './rounding';
import { sortByMinute } from './minute-sort';
import { voronoiCells } from './voronoi';

/** A U shape with a hole in its base: concave, and with a hole, as the helpers must handle both. */
const U: Polygon = {
  type: 'Polygon',
  coordinates: [
    [
      [0, 0],
      [3, 0],
      [3, 3],
      [2, 3],
      [2, 1],
      [1, 1],
      [1, 3],
      [0, 3],
      [0, 0],
    ],
    [
      [0.2, 0.2],
      [0.2, 0.4],
      [0.4, 0.4],
      [0.4, 0.2],
      [0.2, 0.2],
    ],
  ],
};

describe('haversineM', () => {
  it('measures a degree of latitude on the 6,371,008.8 m sphere', () => {
    expect(haversineM(87, 43, 87, 44)).toBeCloseTo(111_195.08, 1);
    expect(haversineM(87.6, 43.8, 87.6, 43.8)).toBe(0);
  });

  it('agrees with offsetKm over short distances', () => {
    const [lon, lat] = offsetKm(87.6, 43.8, 3, 4);
    expect(haversineM(87.6, 43.8, lon, lat)).toBeCloseTo(5000, -1);
  });
});

describe('point in polygon', () => {
  it('handles concavity and holes', () => {
    expect(pointInGeometry(0.5, 2, U)).toBe(true);
    expect(pointInGeometry(1.5, 2, U)).toBe(false);
    expect(pointInGeometry(0.3, 0.3, U)).toBe(false);
    expect(pointInGeometry(4, 1, U)).toBe(false);
  });

  it('PolygonIndex agrees with plain ray casting', () => {
    const index = new PolygonIndex(U, 16);
    const rng = new Rng(5);
    for (let i = 0; i < 2000; i++) {
      const [x, y] = [rng.range(-0.5, 3.5), rng.range(-0.5, 3.5)];
      expect(index.contains(x, y)).toBe(pointInGeometry(x, y, U));
    }
  });
});

describe('area', () => {
  it('gives a 1° square at the equator about 12,364 km², minus holes', () => {
    const square = boxRing([0, 0, 1, 1]);
    expect(ringAreaM2(square) / 1e6).toBeCloseTo(12_364, -1);
    const withHole: Polygon = { type: 'Polygon', coordinates: [square, boxRing([0.25, 0.25, 0.75, 0.75])] };
    expect(geometryAreaM2(withHole) / ringAreaM2(square)).toBeCloseTo(0.75, 2);
  });
});

describe('clipToConvex', () => {
  it('keeps the part of a concave ring inside a box', () => {
    const ring = U.coordinates[0]?.map(([x = 0, y = 0]) => [x, y] as [number, number]) ?? [];
    const clipped = clipToConvex(ring, boxRing([0.5, 0.5, 2.5, 2]));
    expect(clipped[0]).toEqual(clipped[clipped.length - 1]);
    // The U's arms inside the box (0.5 × 1.5 each) and its base (2 × 0.5), in square degrees.
    const planar = (r: [number, number][]) =>
      Math.abs(
        r.reduce(
          (s, [x, y], i) => s + x * (r[(i + 1) % r.length]?.[1] ?? 0) - (r[(i + 1) % r.length]?.[0] ?? 0) * y,
          0,
        ),
      ) / 2;
    expect(planar(clipped)).toBeCloseTo(2 * 0.5 * 1 + 2 * 0.5, 6);
  });
});

describe('clipLineToBox', () => {
  it('splits a line that leaves and re-enters', () => {
    const parts = clipLineToBox(
      [
        [-1, 0.5],
        [0.5, 0.5],
        [0.5, 2],
        [0.8, 2],
        [0.8, 0.2],
      ],
      [0, 0, 1, 1],
    );
    expect(parts).toEqual([
      [
        [0, 0.5],
        [0.5, 0.5],
        [0.5, 1],
      ],
      [
        [0.8, 1],
        [0.8, 0.2],
      ],
    ]);
  });
});

describe('voronoiCells', () => {
  it('partitions the box, each cell holding its own point', () => {
    const points: [number, number][] = [
      [1, 1],
      [3, 1],
      [2, 3],
      [0.5, 3.5],
    ];
    const cells = voronoiCells(points, [0, 0, 4, 4]);
    const planar = (r: [number, number][]) =>
      Math.abs(
        r.slice(0, -1).reduce((s, [x, y], i) => s + x * (r[i + 1]?.[1] ?? 0) - (r[i + 1]?.[0] ?? 0) * y, 0),
      ) / 2;
    expect(cells.reduce((s, c) => s + planar(c), 0)).toBeCloseTo(16, 9);
    cells.forEach((cell, i) => {
      const [x = 0, y = 0] = points[i] ?? [];
      expect(pointInGeometry(x, y, { type: 'Polygon', coordinates: [cell] })).toBe(true);
    });
  });
});

describe('PointGrid', () => {
  it('finds the nearest point within the radius, as a full scan would', () => {
    const rng = new Rng(11);
    const points = Array.from({ length: 300 }, (_, id) => ({
      id,
      lon: rng.range(80, 90),
      lat: rng.range(40, 46),
    }));
    const grid = new PointGrid(points);
    for (let i = 0; i < 500; i++) {
      const [lon, lat] = [rng.range(80, 90), rng.range(40, 46)];
      let best: (typeof points)[number] | null = null;
      let bestM = 15_000;
      for (const p of points) {
        const d = haversineM(lon, lat, p.lon, p.lat);
        if (d < bestM) [bestM, best] = [d, p];
      }
      expect(grid.nearestWithin(lon, lat, 15_000)?.id ?? null).toBe(best?.id ?? null);
    }
  });
});

describe('roundCoordinates', () => {
  it('rounds to 5 decimals and drops the repeats it creates', () => {
    const line = {
      type: 'LineString',
      coordinates: [
        [1.000001, 2.000004],
        [1.000002, 2.000001],
        [1.5, 2.123456789],
      ],
    };
    expect(roundCoordinates(line)).toEqual({
      type: 'LineString',
      coordinates: [
        [1, 2],
        [1.5, 2.12346],
      ],
    });
  });
});

describe('sortByMinute', () => {
  it('sorts stably, like a stable comparison sort', () => {
    const rng = new Rng(2);
    const records = Array.from({ length: 500 }, (_, i) => ({ i, m: rng.int(0, 40) }));
    const sorted = sortByMinute(
      records,
      records.map((r) => r.m),
    );
    expect(sorted).toEqual([...records].sort((a, b) => a.m - b.m));
    expect(() => sortByMinute([1], [0.5])).toThrow();
  });
});
