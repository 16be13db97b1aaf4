import { describe, expect, it } from 'vitest';
import { DEFICIENCIES, deltaE, linearRgb, MACHADO_2009, pairDistances, simulate } from './colour-vision';
import { BASEMAP_COLORS, STATUS_COLORS, VOLTAGE_CLASSES } from './palette';

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

/**
 * The least ΔE between the rivers and any power line, with normal vision and under each deficiency: thin lines
 * need a wider gap than dots, and ~20 is where two colours stop being confused at a glance (docs/palette.md).
 */
const MIN_RIVER_LINE_DELTA_E = 20;

describe('the rivers and the power lines', () => {
  for (const { kv, color } of VOLTAGE_CLASSES) {
    it(`keeps the rivers at least ${MIN_RIVER_LINE_DELTA_E} ΔE from the ${kv} kV lines`, () => {
      const [pair] = pairDistances({ river: BASEMAP_COLORS.waterLine, line: color });
      expect(pair!.normal).toBeGreaterThanOrEqual(MIN_RIVER_LINE_DELTA_E);
      for (const d of DEFICIENCIES)
        expect(pair!.simulated[d], d).toBeGreaterThanOrEqual(MIN_RIVER_LINE_DELTA_E);
    });
  }
});
