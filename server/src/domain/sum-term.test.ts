import { describe, expect, it } from 'vitest';
import { SUM_TERM_CAP_MW, sumTerm, termWatts, wattsToMw } from './sum-term';
import { roundTo3 } from './geo/haversine';

describe('sumTerm', () => {
  it('keeps every plausible value as it is', () => {
    for (const v of [0, 0.001, 12.5, 2000, 50_000, -3, SUM_TERM_CAP_MW]) expect(sumTerm(v)).toBe(v);
  });

  it('counts an absurd value as the cap, with its sign', () => {
    expect(sumTerm(1e20)).toBe(SUM_TERM_CAP_MW);
    expect(sumTerm(1.7e308)).toBe(SUM_TERM_CAP_MW);
    expect(sumTerm(Infinity)).toBe(SUM_TERM_CAP_MW);
    expect(sumTerm(Number.NaN)).toBe(SUM_TERM_CAP_MW);
    expect(sumTerm(-1.7e308)).toBe(-SUM_TERM_CAP_MW);
  });

  it('keeps the sum of a hundred million capped terms finite, even times 1000', () => {
    expect(Number.isFinite(1e8 * sumTerm(1.7e308) * 1000)).toBe(true);
  });
});

describe('termWatts', () => {
  const total = (loads: readonly number[]) => wattsToMw(loads.reduce((w, l) => w + termWatts(l), 0));

  it('counts a load in whole watts, rounded half up', () => {
    expect(termWatts(12.5)).toBe(12_500_000);
    expect(termWatts(0.0000005)).toBe(1);
    expect(termWatts(0.0000004)).toBe(0);
    expect(termWatts(-0.0000015)).toBe(-1);
    expect(termWatts(1e20)).toBe(1e15);
    expect(termWatts(Number.NaN)).toBe(1e15);
  });

  it('sums to the exact decimal, in any order', () => {
    // Double addition gives 0.30000000000000004 one way round and 0.3 the other; whole watts give 0.3 both.
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(total([0.1, 0.2])).toBe(0.3);
    expect(total([0.2, 0.1])).toBe(0.3);
    const loads = Array.from({ length: 1000 }, (_, i) => ((i * 7919) % 1000) / 7 + 0.001);
    const reversed = [...loads].reverse();
    expect(total(reversed)).toBe(total(loads));
    // The ordered double sums of the same loads differ in their last bits.
    const naive = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
    expect(naive(reversed)).not.toBe(naive(loads));
  });

  it('rounds to 3 decimals as the exact decimal sum does', () => {
    // 0.0015 + 0.009 is 0.0105, which rounds half away to 0.011; the double sum is 0.010499999999999999.
    expect(0.0015 + 0.009).toBe(0.010499999999999999);
    expect(roundTo3(total([0.0015, 0.009]))).toBe(0.011);
  });

  it('moves a kept total by one term exactly: out with the old load, in with the new', () => {
    const loads = [3.14159, 2.71828, 1.41421, 12.5];
    let kept = loads.reduce((w, l) => w + termWatts(l), 0);
    kept += termWatts(99.999999) - termWatts(2.71828);
    expect(wattsToMw(kept)).toBe(total([3.14159, 99.999999, 1.41421, 12.5]));
  });
});
