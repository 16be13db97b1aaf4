import { describe, expect, it } from 'vitest';
import { orient2d } from './orient2d';

describe('orient2d', () => {
  it('is positive for a counter-clockwise turn and negative for a clockwise one', () => {
    expect(orient2d(0, 0, 1, 0, 0, 1)).toBeGreaterThan(0);
    expect(orient2d(0, 0, 0, 1, 1, 0)).toBeLessThan(0);
  });
  it('is exactly 0 for collinear points', () => {
    expect(orient2d(88, 43, 88, 45, 88, 44)).toBe(0);
    expect(orient2d(0, 0, 2, 2, 1, 1)).toBe(0);
    expect(orient2d(86.5, 43.25, 87.5, 44.25, 87, 43.75)).toBe(0);
  });
  it('decides near-collinear cases exactly where the floating-point sign is unreliable', () => {
    // c is one unit in the last place off the line y = x, far from the origin: the floating-point determinant
    // of these coordinates is exactly 0 (it loses the difference); the exact test does not.
    const big = 2 ** 40;
    const next = big + 2 ** (40 - 52);
    expect(orient2d(0.5, 0.5, 12, 12, big, next)).toBeGreaterThan(0);
    expect(orient2d(0.5, 0.5, 12, 12, next, big)).toBeLessThan(0);
    expect(orient2d(0.5, 0.5, 12, 12, big, big)).toBe(0);
  });
  it('agrees in sign with the swapped order', () => {
    const points = [87.6168, 43.8256, 88.1, 44.2, 87.9, 43.95] as const;
    const [ax, ay, bx, by, cx, cy] = points;
    expect(Math.sign(orient2d(ax, ay, bx, by, cx, cy))).toBe(-Math.sign(orient2d(bx, by, ax, ay, cx, cy)));
  });
  it('handles negative and subnormal coordinates exactly', () => {
    expect(orient2d(-1, -1, 1, 1, 5e-324, 5e-324)).toBe(0);
    expect(orient2d(-1, -1, 1, 1, 0, 5e-324)).toBeGreaterThan(0);
  });
});
