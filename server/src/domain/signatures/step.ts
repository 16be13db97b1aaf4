import { windowStats } from './flatness';

/**
 * Step detection on a meter's daily unexplained load (docs/detection.md): a sustained rise — a farm switched on
 * — against the slow drift of ordinary load.
 */
export interface StepOptions {
  /** The smallest rise that counts, MW (issue 18: 5). */
  minStepMw: number;
  /** How long the rise must hold, days (7). */
  minDays: number;
  /** The days before a candidate its level is measured against (14). */
  baselineDays: number;
}

export const STEP_DEFAULTS: StepOptions = { minStepMw: 5, minDays: 7, baselineDays: 14 };

export interface Step {
  /** Index into the series of the first day at the new level. */
  index: number;
  /** Mean of the `minDays` from the step on, minus the mean of the baseline days before it. */
  sizeMw: number;
  /** The level before the step (mean of the baseline days). */
  beforeMw: number;
}

/**
 * The largest sustained rise of the daily series (NaN: a day without readings, skipped): the day d that
 * maximises mean(x[d, d+minDays)) − mean(x[d−baselineDays, d)), provided that rise is ≥ minStepMw, every read
 * day of the window stays above the old level by at least half of it (so a one-day spike is no step), and
 * both windows hold at least half their days. Ties: the earliest day. Null when there is none.
 *
 * At a clean step on day s the score is exactly the step at d = s, and a fraction of it a day either side (the
 * window holds one day fewer at the new level, or the baseline one day of it), so the argmax is s.
 */
export function detectStep(xs: readonly number[], options: StepOptions = STEP_DEFAULTS): Step | null {
  const { minStepMw, minDays, baselineDays } = options;
  let best: Step | null = null;
  for (let d = 1; d + minDays <= xs.length; d++) {
    if (!Number.isFinite(xs[d]!)) continue;
    const before = windowStats(xs, d - baselineDays, d);
    const after = windowStats(xs, d, d + minDays);
    if (
      before.n < Math.ceil(Math.min(baselineDays, d) / 2) ||
      before.n < 3 ||
      after.n < Math.ceil(minDays / 2)
    )
      continue;
    const size = after.mean - before.mean;
    if (size < minStepMw || (best && size <= best.sizeMw)) continue;
    let holds = true;
    for (let i = d; i < d + minDays; i++) {
      const x = xs[i]!;
      if (Number.isFinite(x) && x - before.mean < size / 2) holds = false;
    }
    if (holds) best = { index: d, sizeMw: size, beforeMw: before.mean };
  }
  return best;
}
