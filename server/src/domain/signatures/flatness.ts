/**
 * How flat the load added at a step is (docs/detection.md): mining runs its machines 24/7 at a nearly constant
 * draw, while a factory, a mall or homes draw more by day than by night and peak above their mean.
 */
export interface AddedLoadShape {
  /** Added load at night (00–06 Beijing) ÷ added load in working hours (10–18): ≈ 1 for a flat load, ≈ 0 for a day shift. */
  nightDayRatio: number;
  /** Added mean ÷ added daily peak: ≈ 1 for a flat load, ≈ hours-on / 24 for a load switched on and off. */
  loadFactor: number;
}

/** Days of one meter around a step: the means of the read days of each window (NaN days are skipped). */
export interface ShapeWindows {
  before: { meanMw: number; peakMw: number; nightMw: number; dayMw: number };
  after: { meanMw: number; peakMw: number; nightMw: number; dayMw: number };
}

/** The added load's shape; null when the added load is not positive in every window (no shape to judge). */
export function addedLoadShape({ before, after }: ShapeWindows): AddedLoadShape | null {
  const mean = after.meanMw - before.meanMw;
  const peak = after.peakMw - before.peakMw;
  const night = after.nightMw - before.nightMw;
  const day = after.dayMw - before.dayMw;
  if (!(mean > 0 && peak > 0 && day > 0) || !Number.isFinite(night)) return null;
  return {
    nightDayRatio: Math.max(0, night / day),
    loadFactor: Math.min(1, Math.max(0, mean / peak)),
  };
}

/** Thresholds of a flat (mining-like) profile: night within 20 % of day, and a load factor of 0.85 or more. */
export const FLAT = { minNightDayRatio: 0.8, maxNightDayRatio: 1.25, minLoadFactor: 0.85 };

export function isFlat(shape: AddedLoadShape | null): boolean {
  return (
    shape !== null &&
    shape.nightDayRatio >= FLAT.minNightDayRatio &&
    shape.nightDayRatio <= FLAT.maxNightDayRatio &&
    shape.loadFactor >= FLAT.minLoadFactor
  );
}

/** Mean of the finite values of `xs[from, to)`, and how many there were (a gap in the readings is not a zero). */
export function windowStats(xs: ArrayLike<number>, from: number, to: number): { mean: number; n: number } {
  let sum = 0;
  let n = 0;
  for (let i = Math.max(0, from); i < Math.min(xs.length, to); i++) {
    const x = xs[i]!;
    if (Number.isFinite(x)) {
      sum += x;
      n += 1;
    }
  }
  return { mean: n ? sum / n : NaN, n };
}

/** Mean of the finite values of `xs[from, to)`. */
export function windowMean(xs: ArrayLike<number>, from: number, to: number): number {
  return windowStats(xs, from, to).mean;
}
