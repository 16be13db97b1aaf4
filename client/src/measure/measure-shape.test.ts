import { describe, expect, it } from 'vitest';
import { formatArea, formatLength } from './format-measure';
import { measureShape } from './measure-shape';

describe('the measures as shown', () => {
  it('picks the unit by size', () => {
    expect(formatLength(950.4, 'en')).toBe('950 m');
    expect(formatLength(12_345, 'en')).toBe('12.35 km');
    expect(formatArea(5000, 'en')).toBe('5,000 m²');
    expect(formatArea(250_000, 'en')).toBe('25 ha');
    expect(formatArea(3_400_000, 'zh')).toBe('3.4 km² (340 ha)');
  });

  it("gives a line's length in metres: a degree of meridian is 111.2 km on the contract's sphere", () => {
    const line = {
      type: 'LineString' as const,
      coordinates: [
        [87, 43],
        [87, 44],
      ],
    };
    expect(measureShape(line, 'en')).toBe('111.2 km');
  });

  it("gives a polygon's area in m² and its perimeter", () => {
    // 0.01° square near Ürümqi: about 1112 m × 803 m.
    const square = {
      type: 'Polygon' as const,
      coordinates: [
        [
          [87.6, 43.8],
          [87.61, 43.8],
          [87.61, 43.81],
          [87.6, 43.81],
          [87.6, 43.8],
        ],
      ],
    };
    expect(measureShape(square, 'en')).toBe('89.2 ha · 3.83 km');
  });

  it('shows nothing without a shape', () => {
    expect(measureShape(null, 'en')).toBeNull();
  });
});
