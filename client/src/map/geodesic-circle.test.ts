import { describe, expect, it } from 'vitest';
import { destination, EARTH_RADIUS_KM, geodesicCircle } from './geodesic-circle';

/** Great-circle distance by the haversine formula, independent of the code under test. */
function haversineKm([lon1, lat1]: number[], [lon2, lat2]: number[]): number {
  const r = Math.PI / 180;
  const a =
    Math.sin(((lat2! - lat1!) * r) / 2) ** 2 +
    Math.cos(lat1! * r) * Math.cos(lat2! * r) * Math.sin(((lon2! - lon1!) * r) / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.sqrt(a));
}

const URUMQI: [number, number] = [87.6, 43.8];

describe('destination', () => {
  it('goes due north by the arc length on the sphere', () => {
    const [lon, lat] = destination(URUMQI, 111.195, 0);
    expect(lon).toBeCloseTo(87.6, 9);
    expect(lat).toBeCloseTo(44.8, 3);
  });

  it('wraps longitudes across the antimeridian', () => {
    const [lon] = destination([179.9, 0], 50, 90);
    expect(lon).toBeLessThan(-179);
  });
});

describe('geodesicCircle', () => {
  it('is a closed ring of the asked number of vertices, each at the radius from the centre', () => {
    const circle = geodesicCircle(URUMQI, 25, 64);
    const ring = circle.coordinates[0]!;
    expect(ring).toHaveLength(65);
    expect(ring[64]).toEqual(ring[0]);
    for (const vertex of ring) expect(haversineKm(URUMQI, vertex)).toBeCloseTo(25, 6);
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
