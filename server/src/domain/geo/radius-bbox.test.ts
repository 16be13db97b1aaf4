import { describe, expect, it } from 'vitest';
import { haversineKm } from '@gridwatch/contract';
import { expandBboxKm, radiusBbox } from './radius-bbox';

describe('radiusBbox', () => {
  it.each([
    [87.6, 43.8, 0.1],
    [87.6, 43.8, 10],
    [80.0, 49.0, 300],
    [75.0, 35.0, 300],
  ])('holds the whole circle around (%f, %f) of %f km', (lon, lat, r) => {
    const [minLon, minLat, maxLon, maxLat] = radiusBbox(lon, lat, r);
    // Points on the circle, every degree of bearing, found by bisection along each bearing.
    for (let bearing = 0; bearing < 360; bearing += 1) {
      const b = (bearing * Math.PI) / 180;
      let lo = 0;
      let hi = 10;
      for (let i = 0; i < 60; i++) {
        const mid = (lo + hi) / 2;
        const d = haversineKm(lon, lat, lon + mid * Math.sin(b), lat + mid * Math.cos(b));
        if (d < r) lo = mid;
        else hi = mid;
      }
      const pLon = lon + lo * Math.sin(b);
      const pLat = lat + lo * Math.cos(b);
      expect(pLon).toBeGreaterThanOrEqual(minLon);
      expect(pLon).toBeLessThanOrEqual(maxLon);
      expect(pLat).toBeGreaterThanOrEqual(minLat);
      expect(pLat).toBeLessThanOrEqual(maxLat);
    }
  });

  it('is tight: its edges are at the radius', () => {
    const [minLon, minLat, , maxLat] = radiusBbox(87.6, 43.8, 10);
    expect(haversineKm(87.6, 43.8, 87.6, maxLat)).toBeCloseTo(10, 3);
    expect(haversineKm(87.6, 43.8, 87.6, minLat)).toBeCloseTo(10, 3);
    expect(87.6 - minLon).toBeGreaterThan(0.12); // ≈ 10 km / (111.2 km × cos 43.8°)
    expect(87.6 - minLon).toBeLessThan(0.13);
  });

  it('spans every longitude near a pole', () => {
    expect(radiusBbox(10, 89.99, 50)).toEqual([-180, expect.any(Number), 180, 90]);
  });
});

describe('expandBboxKm', () => {
  it('grows a box so that points 5 km outside each edge fall inside', () => {
    const box = [86, 43, 88, 45] as const;
    const [minLon, minLat, maxLon, maxLat] = expandBboxKm(box, 5);
    expect(haversineKm(86, 45, minLon, 45)).toBeGreaterThanOrEqual(5 - 1e-6);
    expect(haversineKm(88, 45, maxLon, 45)).toBeGreaterThanOrEqual(5 - 1e-6);
    expect(haversineKm(87, 43, 87, minLat)).toBeGreaterThanOrEqual(5 - 1e-6);
    expect(haversineKm(87, 45, 87, maxLat)).toBeGreaterThanOrEqual(5 - 1e-6);
    expect(maxLon - 88).toBeLessThan(0.1);
  });
});
