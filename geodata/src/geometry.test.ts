import { haversineKm } from '@gridwatch/contract';
import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { clipLinesToBox, clipPolygonsToBox } from './box-clip';
import { offsetKm } from './geo';
import { PointGrid } from './point-grid';
import { containment } from './containment';
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

describe('offsetKm', () => {
  it("agrees with the contract's haversine over short distances", () => {
    const [lon, lat] = offsetKm(87.6, 43.8, 3, 4);
    expect(haversineKm(87.6, 43.8, lon, lat)).toBeCloseTo(5, 2);
  });
});

describe('point in polygon', () => {
  it('handles concavity and holes', () => {
    expect(containment(U).contains(0.5, 2)).toBe(true);
    expect(containment(U).contains(1.5, 2)).toBe(false);
    expect(containment(U).contains(0.3, 0.3)).toBe(false);
    expect(containment(U).contains(4, 1)).toBe(false);
  });

  it('counts the boundary as inside, as the server does', () => {
    const u = containment(U);
    expect(u.contains(0, 1.5)).toBe(true);
    expect(u.contains(2, 3)).toBe(true);
    expect(u.contains(0.3, 0.2)).toBe(true);
  });
});

describe('clipPolygonsToBox', () => {
  it('keeps the part of each polygon inside the box and drops the polygons left empty', () => {
    const far: Polygon = {
      type: 'Polygon',
      coordinates: [
        [
          [10, 10],
          [11, 10],
          [11, 11],
          [10, 10],
        ],
      ],
    };
    const clipped = clipPolygonsToBox(
      { type: 'MultiPolygon', coordinates: [U.coordinates, far.coordinates] },
      [0.5, 0.5, 2.5, 2],
    );
    expect(clipped).toHaveLength(1);
    const xs = clipped[0]?.[0]?.map(([x]) => x) ?? [];
    expect(Math.min(...xs)).toBe(0.5);
    expect(Math.max(...xs)).toBe(2.5);
  });
});

describe('clipLinesToBox', () => {
  it('splits a line that leaves and re-enters', () => {
    const parts = clipLinesToBox(
      {
        type: 'LineString',
        coordinates: [
          [-1, 0.5],
          [0.5, 0.5],
          [0.5, 2],
          [0.8, 2],
          [0.8, 0.2],
        ],
      },
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
      expect(containment({ type: 'Polygon', coordinates: [cell] }).contains(x, y)).toBe(true);
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
        const d = 1000 * haversineKm(lon, lat, p.lon, p.lat);
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
