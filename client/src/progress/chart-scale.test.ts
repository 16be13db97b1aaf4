import { describe, expect, it } from 'vitest';
import { dayMs, linePath, linearScale, monthTicks, nearestIndex } from './chart-scale';

describe('linearScale', () => {
  it('maps the domain onto the range and back', () => {
    const x = linearScale([dayMs('2026-01-01'), dayMs('2026-01-11')], [40, 140]);
    expect(x(dayMs('2026-01-06'))).toBe(90);
    expect(x.invert(90)).toBe(dayMs('2026-01-06'));
  });

  it('runs downwards for a y axis (share 1 at the top)', () => {
    const y = linearScale([0, 1], [200, 10]);
    expect(y(0)).toBe(200);
    expect(y(1)).toBe(10);
    expect(y(0.5)).toBe(105);
  });

  it('puts everything at the start of the range when the domain is one value', () => {
    const x = linearScale([5, 5], [0, 100]);
    expect(x(5)).toBe(0);
    expect(x.invert(50)).toBe(5);
  });
});

describe('monthTicks', () => {
  it('gives the first of each month in the span', () => {
    expect(monthTicks('2026-01-01', '2026-08-31')).toEqual([
      '2026-01-01',
      '2026-02-01',
      '2026-03-01',
      '2026-04-01',
      '2026-05-01',
      '2026-06-01',
      '2026-07-01',
      '2026-08-01',
    ]);
  });

  it('starts at the next month when the span starts mid-month, and crosses the year', () => {
    expect(monthTicks('2025-11-15', '2026-02-01')).toEqual(['2025-12-01', '2026-01-01', '2026-02-01']);
    expect(monthTicks('2026-03-02', '2026-03-30')).toEqual([]);
  });
});

describe('nearestIndex', () => {
  it('finds the nearest value, the earlier on a tie', () => {
    expect(nearestIndex([0, 10, 20], 14)).toBe(1);
    expect(nearestIndex([0, 10, 20], 15)).toBe(1);
    expect(nearestIndex([0, 10, 20], 99)).toBe(2);
    expect(nearestIndex([], 3)).toBe(-1);
  });
});

describe('linePath', () => {
  it('moves to the first point and draws to the others, to a tenth of a pixel', () => {
    expect(
      linePath([
        [0, 10],
        [5.04, 20.26],
        [7, 3],
      ]),
    ).toBe('M0,10L5,20.3L7,3');
    expect(linePath([])).toBe('');
  });
});
