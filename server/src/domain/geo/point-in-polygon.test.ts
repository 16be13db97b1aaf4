import type { MultiPolygon, Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { pointInPolygon, preparePointInPolygon } from './point-in-polygon';

const square: Polygon = {
  type: 'Polygon',
  coordinates: [
    [
      [86, 43],
      [88, 43],
      [88, 45],
      [86, 45],
      [86, 43],
    ],
  ],
};

const withHole: Polygon = {
  type: 'Polygon',
  coordinates: [
    ...square.coordinates,
    [
      [86.5, 43.5],
      [86.5, 44.5],
      [87.5, 44.5],
      [87.5, 43.5],
      [86.5, 43.5],
    ],
  ],
};

describe('pointInPolygon', () => {
  it.each<[string, Position, boolean]>([
    ['inside', [87, 44], true],
    ['outside to the east', [89, 44], false],
    ['outside to the west, level with a vertex', [85, 43], false],
    ['on the east edge (88, 44), between (88, 43) and (88, 45)', [88, 44], true],
    ['on the bottom edge', [87.25, 43], true],
    ['on a vertex', [86, 45], true],
    ['a hair east of the east edge', [88 + 1e-12, 44], false],
    ['a hair west of the east edge', [88 - 1e-12, 44], true],
    ['level with the bottom edge, beyond it', [88.5, 43], false],
  ])('%s', (_name, point, expected) => {
    expect(pointInPolygon(point, square)).toBe(expected);
  });

  it('decides a slanted edge exactly: on it is inside, one unit in the last place beside it is not', () => {
    const triangle: Polygon = {
      type: 'Polygon',
      coordinates: [
        [
          [86, 43],
          [87.5, 44.5],
          [86, 45],
          [86, 43],
        ],
      ],
    };
    const ulp = 2 ** -46; // the spacing of doubles between 64 and 128
    expect(pointInPolygon([86.75, 43.75], triangle)).toBe(true);
    expect(pointInPolygon([86.75 + ulp, 43.75], triangle)).toBe(false);
    expect(pointInPolygon([86.75 - ulp, 43.75], triangle)).toBe(true);
  });

  it.each<[string, Position, boolean]>([
    ['in the shell, outside the hole', [86.2, 44], true],
    ['strictly inside the hole', [87, 44], false],
    ['on the hole boundary', [86.5, 44], true],
    ['on a hole vertex', [87.5, 44.5], true],
  ])('with a hole: %s', (_name, point, expected) => {
    expect(pointInPolygon(point, withHole)).toBe(expected);
  });

  it('tests each polygon of a MultiPolygon, holes per polygon', () => {
    const multi: MultiPolygon = {
      type: 'MultiPolygon',
      coordinates: [
        withHole.coordinates,
        [
          [
            [86.75, 43.75],
            [87.25, 43.75],
            [87.25, 44.25],
            [86.75, 44.25],
            [86.75, 43.75],
          ],
        ],
      ],
    };
    expect(pointInPolygon([87, 44], multi)).toBe(true); // an island in the hole
    expect(pointInPolygon([86.6, 43.6], multi)).toBe(false); // in the hole, off the island
    expect(pointInPolygon([86.2, 44], multi)).toBe(true);
    expect(pointInPolygon([90, 44], multi)).toBe(false);
  });

  it('counts a ray through a vertex once (concave vertex level with the point)', () => {
    const notch: Polygon = {
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [4, 0],
          [4, 4],
          [2, 2],
          [0, 4],
          [0, 0],
        ],
      ],
    };
    expect(pointInPolygon([1, 2], notch)).toBe(true);
    expect(pointInPolygon([3, 2], notch)).toBe(true);
    expect(pointInPolygon([-1, 2], notch)).toBe(false);
    expect(pointInPolygon([2, 3], notch)).toBe(false);
    expect(pointInPolygon([2, 2], notch)).toBe(true);
  });

  it('does not depend on ring orientation', () => {
    const clockwise: Polygon = {
      type: 'Polygon',
      coordinates: [[...(square.coordinates[0] ?? [])].reverse()],
    };
    expect(pointInPolygon([87, 44], clockwise)).toBe(true);
    expect(pointInPolygon([88, 44], clockwise)).toBe(true);
    expect(pointInPolygon([89, 44], clockwise)).toBe(false);
  });

  it('refuses a position without latitude rather than guessing', () => {
    expect(pointInPolygon([87], square)).toBe(false);
  });
});

/** Plain even-odd ray casting: right for points that are not on the boundary, which random points never are. */
function rayCast([x = 0, y = 0]: Position, ring: Position[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi = 0, yi = 0] = ring[i] ?? [];
    const [xj = 0, yj = 0] = ring[j] ?? [];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function seededRandom(seed: number): () => number {
  let state = seed;
  return () => (state = (state * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

describe('preparePointInPolygon', () => {
  it('agrees with plain ray casting on a jagged 500-vertex ring and finds every vertex on the boundary', () => {
    const random = seededRandom(7);
    const ring: Position[] = [];
    for (let i = 0; i < 500; i++) {
      const angle = (2 * Math.PI * i) / 500;
      const r = 0.5 + random();
      ring.push([87.6 + r * Math.cos(angle), 43.8 + r * Math.sin(angle)]);
    }
    ring.push(ring[0] ?? []);
    const test = preparePointInPolygon({ type: 'Polygon', coordinates: [ring] });
    for (let i = 0; i < 20_000; i++) {
      const point = [86 + 3.2 * random(), 42.2 + 3.2 * random()];
      expect(test(point)).toBe(rayCast(point, ring));
    }
    for (const vertex of ring) expect(test(vertex)).toBe(true);
  });

  it('agrees with the one-shot function on a grid of points, boundary included', () => {
    const test = preparePointInPolygon(withHole);
    for (let x = 85.75; x <= 88.25; x += 0.25)
      for (let y = 42.75; y <= 45.25; y += 0.25) expect(test([x, y])).toBe(pointInPolygon([x, y], withHole));
  });

  it('stays right on a comb whose teeth span the full height (edges in every latitude band)', () => {
    const ring: Position[] = [[0, 0]];
    for (let tooth = 0; tooth < 200; tooth++)
      ring.push([tooth, 10], [tooth + 0.5, 10], [tooth + 0.5, 1], [tooth + 1, 1]);
    ring.push([200, 0], [0, 0]);
    const test = preparePointInPolygon({ type: 'Polygon', coordinates: [ring] });
    const random = seededRandom(11);
    for (let i = 0; i < 5_000; i++) {
      const point = [-1 + 202 * random(), -1 + 12 * random()];
      expect(test(point)).toBe(rayCast(point, ring));
    }
    expect(test([0.25, 5])).toBe(true);
    expect(test([0.75, 5])).toBe(false);
    expect(test([0.5, 5])).toBe(true);
  });
});
