import { describe, expect, it } from 'vitest';
import { deriveSeed, mulberry32, Rng, WeightedPicker } from './prng';

describe('mulberry32', () => {
  it('repeats its sequence for the same seed and differs for another', () => {
    const take = (seed: number) => Array.from({ length: 5 }, mulberry32(seed));
    expect(take(42)).toEqual(take(42));
    expect(take(42)).not.toEqual(take(43));
  });

  it('stays in [0, 1) with a plausible mean', () => {
    const next = mulberry32(7);
    let sum = 0;
    for (let i = 0; i < 10_000; i++) {
      const v = next();
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThan(1);
      sum += v;
    }
    expect(sum / 10_000).toBeCloseTo(0.5, 1);
  });
});

describe('deriveSeed', () => {
  it('gives each stage its own stream', () => {
    expect(deriveSeed(1, 'sites')).toBe(deriveSeed(1, 'sites'));
    expect(deriveSeed(1, 'sites')).not.toBe(deriveSeed(1, 'lines'));
    expect(deriveSeed(1, 'sites')).not.toBe(deriveSeed(2, 'sites'));
  });
});

describe('Rng', () => {
  it('keeps int within both bounds and logRange within its range', () => {
    const rng = new Rng(3);
    const ints = new Set(Array.from({ length: 500 }, () => rng.int(1, 3)));
    expect([...ints].sort()).toEqual([1, 2, 3]);
    for (let i = 0; i < 500; i++) {
      const v = rng.logRange(1, 150);
      expect(v).toBeGreaterThanOrEqual(1);
      expect(v).toBeLessThan(150);
    }
  });
});

describe('WeightedPicker', () => {
  it('never picks a zero weight and follows the weights', () => {
    const picker = new WeightedPicker(['a', 'b', 'c'], (x) => (x === 'a' ? 0 : x === 'b' ? 1 : 3));
    const rng = new Rng(9);
    const counts: Record<string, number> = { a: 0, b: 0, c: 0 };
    for (let i = 0; i < 4000; i++) counts[picker.pick(rng)]! += 1;
    expect(counts.a).toBe(0);
    expect((counts.c ?? 0) / (counts.b ?? 1)).toBeGreaterThan(2.5);
    expect((counts.c ?? 0) / (counts.b ?? 1)).toBeLessThan(3.5);
  });
});
