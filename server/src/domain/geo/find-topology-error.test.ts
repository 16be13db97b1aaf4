import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { findTopologyError } from './find-topology-error';

const square = (x: number, y: number, size: number) => [
  [x, y],
  [x + size, y],
  [x + size, y + size],
  [x, y + size],
  [x, y],
];

describe('findTopologyError', () => {
  it('accepts a square with a hole inside it', () => {
    expect(
      findTopologyError({ type: 'Polygon', coordinates: [square(0, 0, 10), square(2, 2, 2)] }),
    ).toBeUndefined();
  });

  it('finds the crossing of a bowtie', () => {
    const bowtie: Polygon = {
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [1, 1],
          [1, 0],
          [0, 1],
          [0, 0],
        ],
      ],
    };
    expect(findTopologyError(bowtie)).toEqual({ message: 'Self-intersection', at: [0.5, 0.5] });
  });

  it('finds a hole outside its shell', () => {
    const error = findTopologyError({ type: 'Polygon', coordinates: [square(0, 0, 10), square(20, 20, 1)] });
    expect(error?.message).toBe('Hole lies outside shell');
    expect(error?.at).toEqual([20, 20]);
  });

  it('finds crossing holes', () => {
    const error = findTopologyError({
      type: 'Polygon',
      coordinates: [square(0, 0, 10), square(1, 1, 4), square(3, 3, 4)],
    });
    expect(error?.message).toBe('Self-intersection');
  });

  it('finds overlapping polygons of a MultiPolygon', () => {
    const error = findTopologyError({
      type: 'MultiPolygon',
      coordinates: [[square(0, 0, 10)], [square(5, 5, 10)]],
    });
    expect(error?.message).toBe('Self-intersection');
  });
});
