import { describe, expect, it } from 'vitest';
import { WITHIN_TOLERANCE_KM, isWithinKm, roundTo3, roundTo3ByDigits } from './haversine';

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
  it.each([Infinity, -Infinity, NaN, 1e18, -3e20, 999_999.9995, 1_000_000.0005, 5e-324])(
    'takes the digits beyond the shortcut: %s',
    (x) => {
      expect(Object.is(roundTo3(x), roundTo3ByDigits(x))).toBe(true);
    },
  );
  it('gives what the digits give, for random values and for values at and around every kind of half', () => {
    // xorshift32, seeded: the same values on every run.
    let state = 0x9e3779b9;
    const random = () => {
      state ^= state << 13;
      state ^= state >>> 17;
      state ^= state << 5;
      return (state >>> 0) / 2 ** 32;
    };
    const values: number[] = [];
    for (let i = 0; i < 100_000; i++) {
      values.push(random() * 1e6, -random() * 1e3);
      // Log-uniform from 1e-12 to 1e12, either sign: every magnitude the shortcut takes and those it leaves.
      values.push((random() < 0.5 ? -1 : 1) * 10 ** (random() * 24 - 12));
      // Exactly a half in decimal (x.xxx5), as a load or a distance typed by a person is.
      const k = Math.floor(random() * 1e9);
      values.push(Number(`${Math.floor(k / 1000)}.${String(k % 1000).padStart(3, '0')}5`));
      // The doubles nearest a half, a few steps either side of it.
      const half = (k + 0.5) / 1000;
      values.push(half, nextUp(half), nextDown(half), nextUp(nextUp(half)), nextDown(nextDown(half)));
      // Sums as the answers make them.
      values.push(random() * 100 - random() * 100 + 0.1 + 0.2);
    }
    const differing = values.filter((x) => !Object.is(roundTo3(x), roundTo3ByDigits(x)));
    expect(differing).toEqual([]);
  });
});

const view = new DataView(new ArrayBuffer(8));
/** The next double up from a positive finite x (its bits plus one). */
function nextUp(x: number): number {
  view.setFloat64(0, x);
  view.setBigUint64(0, view.getBigUint64(0) + 1n);
  return view.getFloat64(0);
}
/** The next double down from a positive x. */
function nextDown(x: number): number {
  view.setFloat64(0, x);
  view.setBigUint64(0, view.getBigUint64(0) - 1n);
  return view.getFloat64(0);
}
