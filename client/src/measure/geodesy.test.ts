import { describe, expect, it } from 'vitest';
import { formatArea, formatLength } from './format-measure';
import { EARTH_RADIUS_M, haversineM, lineLengthM, ringAreaM2 } from './geodesy';

describe('lengths on the sphere', () => {
  it('measures a degree of the equator and of a meridian as a 360th of the great circle', () => {
    const degree = (2 * Math.PI * EARTH_RADIUS_M) / 360;
    expect(haversineM([0, 0], [1, 0])).toBeCloseTo(degree, 3);
    expect(haversineM([87, 43], [87, 44])).toBeCloseTo(degree, 3);
  });

  it('adds up the legs of a line', () => {
    expect(
      lineLengthM([
        [0, 0],
        [1, 0],
        [1, 1],
      ]),
    ).toBeCloseTo(2 * haversineM([0, 0], [1, 0]), 3);
    expect(lineLengthM([[0, 0]])).toBe(0);
  });
});

describe('areas on the sphere', () => {
  it('gives an octant an eighth of the sphere, either winding', () => {
    // The pole twice, once per meridian: the formula sums strips between longitudes, and the octant's turn
    // from 90° to 0° happens at the pole.
    const octant = [
      [0, 0],
      [90, 0],
      [90, 90],
      [0, 90],
      [0, 0],
    ];
    const eighth = (4 * Math.PI * EARTH_RADIUS_M ** 2) / 8;
    expect(ringAreaM2(octant) / eighth).toBeCloseTo(1, 9);
    expect(ringAreaM2([...octant].reverse()) / eighth).toBeCloseTo(1, 9);
  });

  it('gives a small square near Ürümqi about its planar area', () => {
    // 0.01° of latitude ≈ 1112 m; of longitude at 43.8° ≈ 803 m.
    const square = [
      [87.6, 43.8],
      [87.61, 43.8],
      [87.61, 43.81],
      [87.6, 43.81],
      [87.6, 43.8],
    ];
    expect(ringAreaM2(square)).toBeGreaterThan(0.99 * 1112 * 803);
    expect(ringAreaM2(square)).toBeLessThan(1.01 * 1112 * 803);
  });
});

describe('the measures as shown', () => {
  it('picks the unit by size', () => {
    expect(formatLength(950.4, 'en')).toBe('950 m');
    expect(formatLength(12_345, 'en')).toBe('12.35 km');
    expect(formatArea(5000, 'en')).toBe('5,000 m²');
    expect(formatArea(250_000, 'en')).toBe('25 ha');
    expect(formatArea(3_400_000, 'zh')).toBe('3.4 km² (340 ha)');
  });
});
