import { describe, expect, it } from 'vitest';
import { REGION_LOAD_CLASSES, regionLoadClass, unexplainedRadiusPx } from './analysis-scales';
import { REGION_LOAD_COLORS } from './palette';

describe('unexplainedRadiusPx', () => {
  it('makes the area, not the radius, proportional to the MW', () => {
    expect(unexplainedRadiusPx(100)).toBe(20);
    expect(unexplainedRadiusPx(25)).toBe(10);
    const area = (mw: number) => Math.PI * unexplainedRadiusPx(mw) ** 2;
    expect(area(80) / area(20)).toBeCloseTo(4, 10);
  });

  it('draws nothing for no unexplained load', () => {
    expect(unexplainedRadiusPx(0)).toBe(0);
    expect(unexplainedRadiusPx(-3)).toBe(0);
  });
});

describe('regionLoadClass', () => {
  it('gives none its own class and puts each break in the class above it', () => {
    expect([0, 0.001, 4.999, 5, 19.999, 20, 99.999, 100, 485.059].map(regionLoadClass)).toEqual([
      0, 1, 1, 2, 2, 3, 3, 4, 4,
    ]);
  });

  it('agrees with the legend: each class holds its own bounds', () => {
    expect(REGION_LOAD_CLASSES.map((c) => [c.min, c.max])).toEqual([
      [0, 0],
      [0, 5],
      [5, 20],
      [20, 100],
      [100, null],
    ]);
    expect(REGION_LOAD_CLASSES.map((c) => c.color)).toEqual([...REGION_LOAD_COLORS]);
    for (const c of REGION_LOAD_CLASSES.slice(2)) expect(regionLoadClass(c.min)).toBe(c.index);
  });
});
