import { distance } from '@turf/distance';
import { describe, expect, it } from 'vitest';
import { geodesicCircle } from './geodesic-circle';

const URUMQI: [number, number] = [87.6, 43.8];

describe('geodesicCircle', () => {
  it('is a closed ring of the asked number of vertices, each at the radius from the centre', () => {
    const circle = geodesicCircle(URUMQI, 25, 48);
    const ring = circle.coordinates[0]!;
    expect(ring).toHaveLength(49);
    expect(ring[48]).toEqual(ring[0]);
    for (const vertex of ring) expect(distance(URUMQI, vertex, { units: 'kilometers' })).toBeCloseTo(25, 6);
  });

  it('gives 64 vertices unless told otherwise', () => {
    expect(geodesicCircle(URUMQI, 10).coordinates[0]).toHaveLength(65);
  });

  it('is wider in longitude than in latitude away from the equator', () => {
    const ring = geodesicCircle(URUMQI, 10).coordinates[0]!;
    const lons = ring.map((p) => p[0]!);
    const lats = ring.map((p) => p[1]!);
    const width = Math.max(...lons) - Math.min(...lons);
    const height = Math.max(...lats) - Math.min(...lats);
    expect(width / height).toBeCloseTo(1 / Math.cos((43.8 * Math.PI) / 180), 2);
  });
});
