import { describe, expect, it } from 'vitest';
import { DEFICIENCIES, deltaE, linearRgb, MACHADO_2009, pairDistances, simulate } from './colour-vision';
import { STATUS_COLORS } from './palette';

/**
 * The least ΔE (CIE76) two statuses may have under any simulated deficiency: about where neighbouring dots on
 * the map stop being told apart at a glance (docs/palette.md has the table).
 */
const MIN_DELTA_E = 12;

describe('the colour-vision simulation', () => {
  it('keeps white white and black black (each matrix row sums to 1)', () => {
    for (const d of DEFICIENCIES) {
      for (const row of MACHADO_2009[d]) expect(row.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 3);
      expect(simulate(linearRgb('#000000'), d)).toEqual([0, 0, 0]);
    }
  });

  it('measures a plain distance: black to white is 100', () => {
    expect(deltaE(linearRgb('#000000'), linearRgb('#ffffff'))).toBeCloseTo(100, 1);
  });
});

describe('the status palette', () => {
  it(`keeps every pair of statuses at least ${MIN_DELTA_E} ΔE apart under each deficiency`, () => {
    const [closest] = pairDistances(STATUS_COLORS);
    expect(Math.min(...Object.values(closest!.simulated))).toBeGreaterThanOrEqual(MIN_DELTA_E);
  });
});
