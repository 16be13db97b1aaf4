import { describe, expect, it } from 'vitest';
import { WITHIN_TOLERANCE_KM, isWithinKm, roundTo3 } from './haversine';

describe('isWithinKm', () => {
  it('counts a distance up to a millimetre beyond r', () => {
    expect(WITHIN_TOLERANCE_KM).toBe(1e-6);
    expect(isWithinKm(10, 10)).toBe(true);
    expect(isWithinKm(10.0000009, 10)).toBe(true);
    expect(isWithinKm(10.000002, 10)).toBe(false);
    expect(isWithinKm(0, 0)).toBe(true);
  });
});

describe('roundTo3', () => {
  it.each([
    [1.0005, 1.001],
    [2.0005, 2.001],
    [1.2345, 1.235],
    [0.0005, 0.001],
    [1.0004999, 1],
    [-1.0005, -1.001],
    [123456.7895, 123456.79],
    [0.1 + 0.2, 0.3],
    [12.5, 12.5],
    [1e-7, 0],
    [-1e-7, 0],
    [0, 0],
    [1e20, 1e20],
    [2.5e-4, 0],
    [5e-4, 0.001],
  ])('rounds %d to %d', (x, expected) => {
    expect(roundTo3(x)).toBe(expected);
  });
  it('never returns -0', () => {
    expect(Object.is(roundTo3(-1e-7), 0)).toBe(true);
  });
  it('leaves non-finite values alone', () => {
    expect(roundTo3(Infinity)).toBe(Infinity);
    expect(roundTo3(NaN)).toBeNaN();
  });
});
