import { describe, expect, it } from 'vitest';
import { SUM_TERM_CAP_MW, sumTerm } from './sum-term';

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
