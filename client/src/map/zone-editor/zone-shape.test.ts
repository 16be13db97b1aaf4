import { distance } from '@turf/distance';
import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { geodesicCircle } from '../geodesic-circle';
import { circleToPolygon, ringCentre, roundPolygon } from './zone-shape';

/** A circle as terra-draw draws it at these latitudes: round on screen, so stretched north–south on the ground. */
const screenCircle: Polygon = {
  type: 'Polygon',
  coordinates: [
    Array.from({ length: 33 }, (_, i) => {
      const angle = (2 * Math.PI * (i % 32)) / 32;
      return [87.6 + 0.1 * Math.cos(angle), 43.8 + 0.072 * Math.sin(angle)];
    }),
  ],
};

describe('circleToPolygon', () => {
  it('keeps the centre and puts every vertex at the radius on the sphere', () => {
    const polygon = circleToPolygon(screenCircle, 8, 48);
    const ring = polygon.coordinates[0]!;
    expect(ring).toHaveLength(49);
    expect(ring[48]).toEqual(ring[0]);
    const [lon, lat] = ringCentre(ring);
    expect(lon).toBeCloseTo(87.6, 4);
    expect(lat).toBeCloseTo(43.8, 3);
    for (const vertex of ring) expect(distance([87.6, 43.8], vertex)).toBeCloseTo(8, 2);
  });

  it('gives 64 vertices unless told otherwise', () => {
    expect(circleToPolygon(screenCircle, 2).coordinates[0]).toHaveLength(65);
  });
});

describe('roundPolygon', () => {
  it('cuts coordinates to 9 decimals, as terra-draw accepts them', () => {
    const round = roundPolygon(geodesicCircle([87.123456789123, 43.1], 1, 8));
    for (const [lon, lat] of round.coordinates[0]!) {
      expect(String(lon).split('.')[1]?.length ?? 0).toBeLessThanOrEqual(9);
      expect(String(lat).split('.')[1]?.length ?? 0).toBeLessThanOrEqual(9);
    }
  });
});
