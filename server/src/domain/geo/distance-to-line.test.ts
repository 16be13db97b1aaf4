import type { LineString, MultiLineString } from 'geojson';
import { describe, expect, it } from 'vitest';
import { distanceToLineKm } from './distance-to-line';
import { EARTH_RADIUS_KM as R, haversineKm } from '@gridwatch/contract';

const RAD = Math.PI / 180;
const meridian: LineString = {
  type: 'LineString',
  coordinates: [
    [88, 43],
    [88, 45],
  ],
};

describe('distanceToLineKm', () => {
  it('gives the cross-track distance for a point abeam a meridian segment', () => {
    // The meridian plane's normal is (−sin λ₀, cos λ₀, 0), so sin(cross-track) = cos φ · sin(λ − λ₀).
    const expected = R * Math.asin(Math.cos(44 * RAD) * Math.sin(0.1 * RAD));
    expect(distanceToLineKm([88.1, 44], meridian)).toBeCloseTo(expected, 9);
    expect(distanceToLineKm([87.9, 44], meridian)).toBeCloseTo(expected, 9);
    // The foot of the perpendicular is not at latitude 44, so the distance to (88, 44) is a little longer.
    expect(haversineKm(88.1, 44, 88, 44)).toBeGreaterThan(expected);
  });

  it('gives the distance to the nearer end for a point beyond it', () => {
    expect(distanceToLineKm([88, 46], meridian)).toBeCloseTo(R * RAD, 9);
    expect(distanceToLineKm([88.1, 42.5], meridian)).toBeCloseTo(haversineKm(88.1, 42.5, 88, 43), 12);
  });

  it('gives 0 on a vertex and under a micrometre on an edge', () => {
    expect(distanceToLineKm([88, 45], meridian)).toBe(0);
    expect(distanceToLineKm([88, 44], meridian)).toBeLessThan(1e-9);
  });

  it('gives one degree of arc for a point one degree north of an equator segment', () => {
    const equator: LineString = {
      type: 'LineString',
      coordinates: [
        [0, 0],
        [10, 0],
      ],
    };
    expect(distanceToLineKm([5, 1], equator)).toBeCloseTo(R * RAD, 9);
  });

  it('follows the great circle, not the parallel, between two points at the same latitude', () => {
    // The arc from (80, 40) to (100, 40) bulges north; at 90° E it reaches tan φ = tan 40° / cos 10°.
    const arc: LineString = {
      type: 'LineString',
      coordinates: [
        [80, 40],
        [100, 40],
      ],
    };
    const apex = Math.atan(Math.tan(40 * RAD) / Math.cos(10 * RAD)) / RAD;
    expect(apex).toBeGreaterThan(40.4);
    expect(distanceToLineKm([90, 40], arc)).toBeCloseTo(R * (apex - 40) * RAD, 9);
    expect(distanceToLineKm([90, apex], arc)).toBeLessThan(1e-9);
  });

  it('takes the nearest segment of a LineString and the nearest part of a MultiLineString', () => {
    const bent: LineString = {
      type: 'LineString',
      coordinates: [
        [88, 43],
        [88, 45],
        [90, 45],
      ],
    };
    expect(distanceToLineKm([89, 45.5], bent)).toBeCloseTo(
      distanceToLineKm([89, 45.5], {
        type: 'LineString',
        coordinates: [
          [88, 45],
          [90, 45],
        ],
      }),
      12,
    );
    const multi: MultiLineString = {
      type: 'MultiLineString',
      coordinates: [
        [
          [80, 40],
          [80, 41],
        ],
        meridian.coordinates,
      ],
    };
    expect(distanceToLineKm([88, 46], multi)).toBeCloseTo(R * RAD, 9);
  });

  it('treats a segment with equal ends, or a one-position line, as a point', () => {
    const stub: LineString = {
      type: 'LineString',
      coordinates: [
        [88, 44],
        [88, 44],
      ],
    };
    expect(distanceToLineKm([88, 45], stub)).toBeCloseTo(R * RAD, 9);
    expect(distanceToLineKm([88, 45], { type: 'LineString', coordinates: [[88, 44]] })).toBeCloseTo(
      R * RAD,
      9,
    );
  });

  it('is infinitely far from an empty line', () => {
    expect(distanceToLineKm([88, 45], { type: 'MultiLineString', coordinates: [] })).toBe(Infinity);
  });
});
