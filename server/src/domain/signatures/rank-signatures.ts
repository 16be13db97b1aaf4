import { roundTo3 } from '../geo/haversine';
import { addedLoadShape, isFlat, windowMean, type AddedLoadShape } from './flatness';
import { dayText } from './daily-load';
import { detectStep, STEP_DEFAULTS, type StepOptions } from './step';

/** One meter's unexplained load day by day (metered − explained; NaN: a day without readings). */
export interface ResidualDays {
  substationId: number;
  name: string;
  nameZh: string;
  /** Beijing day number of index 0; the last index is the as-of day. */
  fromDay: number;
  meanMw: ArrayLike<number>;
  peakMw: ArrayLike<number>;
  nightMw: ArrayLike<number>;
  dayMw: ArrayLike<number>;
  /** The unexplained load on the as-of day (DOMAIN.md's definition: the day's peak). */
  unexplainedMw: number;
}

export type Signature = 'flat-step' | 'step' | 'none';

export interface SignatureRow {
  substationId: number;
  name: string;
  nameZh: string;
  rank: number;
  signature: Signature;
  unexplainedMw: number;
  step: { date: string; sizeMw: number } | null;
  shape: { nightDayRatio: number; loadFactor: number } | null;
  reason: string;
}

const TIER: Record<Signature, number> = { 'flat-step': 0, step: 1, none: 2 };
/** Days after the step whose shape is compared with the baseline before it. */
const SHAPE_DAYS = 28;

const fixed = (x: number, digits = 1) => x.toFixed(digits);

function shapeAround(r: ResidualDays, index: number, options: StepOptions): AddedLoadShape | null {
  const from = index - options.baselineDays;
  const to = Math.min(r.meanMw.length, index + SHAPE_DAYS);
  const window = (a: number, b: number) => ({
    meanMw: windowMean(r.meanMw, a, b),
    peakMw: windowMean(r.peakMw, a, b),
    nightMw: windowMean(r.nightMw, a, b),
    dayMw: windowMean(r.dayMw, a, b),
  });
  return addedLoadShape({ before: window(from, index), after: window(index, to) });
}

function reasonOf(row: Omit<SignatureRow, 'rank' | 'reason'>, asOf: string, options: StepOptions): string {
  const unexplained = `${fixed(row.unexplainedMw)} MW unexplained on ${asOf}`;
  if (!row.step)
    return `No sustained rise of ${options.minStepMw} MW or more for ${options.minDays} days in the readings; ${unexplained}.`;
  const rise = `Load rose ${fixed(row.step.sizeMw)} MW on ${row.step.date} and held for ${options.minDays} days or more`;
  if (!row.shape) return `${rise}; its shape could not be judged; ${unexplained}.`;
  const measures = `night/day ${fixed(row.shape.nightDayRatio, 2)}, load factor ${fixed(row.shape.loadFactor, 2)}`;
  return row.signature === 'flat-step'
    ? `${rise}; the added load runs day and night at a constant level (${measures}), as a mining farm does; ${unexplained}.`
    : `${rise}; the added load is not flat (${measures}): more like a factory or homes than mining; ${unexplained}.`;
}

/**
 * The meters ranked by unexplained load that carries mining signatures (docs/detection.md): first those with a
 * flat step and at least minStepMw unexplained on the as-of day, then those with a step that is not flat, then
 * the rest; within each, by unexplained load (largest first), then by id. Each row says why, in words.
 */
export function rankSignatures(
  meters: readonly ResidualDays[],
  asOf: string,
  options: StepOptions = STEP_DEFAULTS,
): SignatureRow[] {
  const rows = meters.map((r) => {
    const step = detectStep(Array.from(r.meanMw), options);
    const shape = step ? shapeAround(r, step.index, options) : null;
    const carries = step !== null && r.unexplainedMw >= options.minStepMw;
    const signature: Signature = carries ? (isFlat(shape) ? 'flat-step' : 'step') : 'none';
    const row = {
      substationId: r.substationId,
      name: r.name,
      nameZh: r.nameZh,
      signature,
      unexplainedMw: roundTo3(r.unexplainedMw),
      step: step ? { date: dayText(r.fromDay + step.index), sizeMw: roundTo3(step.sizeMw) } : null,
      shape: shape
        ? { nightDayRatio: roundTo3(shape.nightDayRatio), loadFactor: roundTo3(shape.loadFactor) }
        : null,
    };
    return { ...row, reason: reasonOf(row, asOf, options) };
  });
  return rows
    .sort(
      (a, b) =>
        TIER[a.signature] - TIER[b.signature] ||
        b.unexplainedMw - a.unexplainedMw ||
        a.substationId - b.substationId,
    )
    .map((row, i) => ({ ...row, rank: i + 1 }));
}
