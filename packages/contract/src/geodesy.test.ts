import { describe, expect, it } from 'vitest';
import { EARTH_RADIUS_KM, EARTH_RADIUS_M, haversineKm } from './geodesy';

describe('haversineKm', () => {
  it('uses the radius of DOMAIN.md', () => {
    expect(EARTH_RADIUS_M).toBe(6_371_008.8);
    expect(EARTH_RADIUS_KM).toBe(6371.0088);
  });
  it('gives 0 for the same point', () => {
    expect(haversineKm(87.6168, 43.8256, 87.6168, 43.8256)).toBe(0);
  });
  it('gives R·π/180 for one degree along a meridian', () => {
    expect(haversineKm(88, 43, 88, 44)).toBeCloseTo((6371.0088 * Math.PI) / 180, 9);
  });
  it('gives R·π/180·cos(lat) for a short step along a parallel, to first order', () => {
    // Along a parallel the great circle is shorter than the parallel, by well under a metre for 0.01°.
    const km = haversineKm(88, 43, 88.01, 43);
    expect(km).toBeCloseTo(((6371.0088 * Math.PI) / 180) * 0.01 * Math.cos((43 * Math.PI) / 180), 6);
  });
  it('gives half the circumference for antipodal points', () => {
    expect(haversineKm(0, 0, 180, 0)).toBeCloseTo(6371.0088 * Math.PI, 9);
    expect(haversineKm(87.6, 43.8, -92.4, -43.8)).toBeCloseTo(6371.0088 * Math.PI, 6);
  });
  it('is symmetric', () => {
    expect(haversineKm(75.99, 39.47, 87.62, 43.83)).toBe(haversineKm(87.62, 43.83, 75.99, 39.47));
  });
  it('matches a hand-checked distance Kashgar–Urumqi', () => {
    // The spherical law of cosines on the same radius, an independent formula (well conditioned at 1,000 km).
    const rad = Math.PI / 180;
    const [l1, p1, l2, p2] = [75.99 * rad, 39.47 * rad, 87.62 * rad, 43.83 * rad];
    const cosC = Math.sin(p1) * Math.sin(p2) + Math.cos(p1) * Math.cos(p2) * Math.cos(l2 - l1);
    expect(haversineKm(75.99, 39.47, 87.62, 43.83)).toBeCloseTo(6371.0088 * Math.acos(cosC), 6);
  });
});
