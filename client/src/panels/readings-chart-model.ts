import type { Readings } from '../api';
import { addDays, daysBetween } from '../time/as-of-days';

/**
 * The readings chart's figures and geometry, apart from React (readings-chart.tsx draws them): one point per
 * day (or hour) with the metered load and the explained parts stacked under it, the scales, the axis ticks, and
 * the x of the step and of the as-of day.
 */

/** One x of the chart: the metered load, and the parts explaining it (docs/detection.md). */
export interface ChartPoint {
  /** The day (YYYY-MM-DD) or the hour (ISO 8601 UTC). */
  at: string;
  /** The Beijing day it belongs to. */
  day: string;
  /** Position in [0, 1] along the range. */
  t: number;
  /** The day's peak (day resolution) or the hour's reading; null: not read. */
  meteredMw: number | null;
  baseMw: number;
  licensedMw: number;
  illegalMw: number;
}

/** The part of metered load nobody explains: metered − base − licensed − known illegal (negative shown as is). */
export const unexplainedOf = (p: ChartPoint): number | null =>
  p.meteredMw === null ? null : p.meteredMw - explainedOf(p);
export const explainedOf = (p: ChartPoint): number => p.baseMw + p.licensedMw + p.illegalMw;

const HOUR_MS = 3_600_000;
/** A Beijing day of an ISO instant: UTC + 8 h. */
const beijingDay = (iso: string) => new Date(Date.parse(iso) + 8 * HOUR_MS).toISOString().slice(0, 10);

/**
 * The chart's points: every day (or hour) of the range, read or not, so a gap shows as a gap. The metered figure
 * is the day's peak, which is what the base load and the sites' loads are (peak figures) and what unexplained
 * load is computed from (docs/detection.md, "Unexplained load as of a day").
 */
export function chartPoints(r: Readings): ChartPoint[] {
  const explained = new Map(r.explained.map((e) => [e.day, e]));
  const base = r.baseLoadMw ?? 0;
  const days = daysBetween(r.from, r.to) + 1;
  const point = (at: string, day: string, t: number, meteredMw: number | null): ChartPoint => {
    const e = explained.get(day);
    return {
      at,
      day,
      t,
      meteredMw,
      baseMw: base,
      licensedMw: e?.licensedMw ?? 0,
      illegalMw: e?.knownIllegalMw ?? 0,
    };
  };
  if (r.resolution === 'day') {
    const read = new Map(r.points.map((p) => [p.at, p.peakMw]));
    return Array.from({ length: days }, (_, i) => {
      const day = addDays(r.from, i);
      return point(day, day, (i + 0.5) / days, read.get(day) ?? null);
    });
  }
  const start = Date.parse(`${r.from}T00:00:00+08:00`);
  const hours = days * 24;
  const read = new Map(r.points.map((p) => [Date.parse(p.at), p.mw]));
  return Array.from({ length: hours }, (_, i) => {
    const at = new Date(start + i * HOUR_MS).toISOString();
    return point(at, beijingDay(at), (i + 0.5) / hours, read.get(start + i * HOUR_MS) ?? null);
  });
}

/** Where a Beijing day lies along the range, in [0, 1] (its middle), or null outside it. */
export function dayPosition(r: Pick<Readings, 'from' | 'to'>, day: string): number | null {
  const days = daysBetween(r.from, r.to) + 1;
  const i = daysBetween(r.from, day);
  return i < 0 || i >= days ? null : (i + 0.5) / days;
}

/** A round top for the y axis and its ticks (1, 2 or 5 × a power of ten, 3 to 5 of them). */
export function yTicks(max: number): { top: number; ticks: number[] } {
  if (!(max > 0)) return { top: 1, ticks: [0, 1] };
  const raw = max / 4;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw)!;
  const top = Math.ceil(max / step) * step;
  return { top, ticks: Array.from({ length: Math.round(top / step) + 1 }, (_, i) => i * step) };
}

/** The x-axis labels: the first day of each month over a long range, every few days over a short one. */
export function xTicks(r: Pick<Readings, 'from' | 'to'>): { day: string; t: number }[] {
  const days = daysBetween(r.from, r.to) + 1;
  const out: { day: string; t: number }[] = [];
  const every = days > 62 ? null : Math.max(1, Math.ceil(days / 6));
  for (let i = 0; i < days; i++) {
    const day = addDays(r.from, i);
    if (every === null ? day.endsWith('-01') : i % every === 0) out.push({ day, t: i / days });
  }
  return out;
}

/**
 * The outline of a stacked band as an SVG path over the points: `top` above, `bottom` below, broken where a
 * figure is missing. x and y map the point and a value into the drawing.
 */
export function bandPath(
  points: readonly ChartPoint[],
  top: (p: ChartPoint) => number | null,
  bottom: (p: ChartPoint) => number | null,
  x: (t: number) => number,
  y: (mw: number) => number,
): string {
  const runs: ChartPoint[][] = [];
  let run: ChartPoint[] = [];
  for (const p of points) {
    if (top(p) === null || bottom(p) === null) {
      if (run.length) runs.push(run);
      run = [];
    } else run.push(p);
  }
  if (run.length) runs.push(run);
  const f = (n: number) => n.toFixed(1);
  return runs
    .map((ps) => {
      const upper = ps.map((p, i) => `${i === 0 ? 'M' : 'L'}${f(x(p.t))},${f(y(top(p)!))}`);
      const lower = [...ps].reverse().map((p) => `L${f(x(p.t))},${f(y(bottom(p)!))}`);
      return `${upper.join('')}${lower.join('')}Z`;
    })
    .join('');
}

/** A line through the points' figures, broken where one is missing. */
export function linePath(
  points: readonly ChartPoint[],
  value: (p: ChartPoint) => number | null,
  x: (t: number) => number,
  y: (mw: number) => number,
): string {
  let out = '';
  let open = false;
  for (const p of points) {
    const v = value(p);
    if (v === null) {
      open = false;
      continue;
    }
    out += `${open ? 'L' : 'M'}${x(p.t).toFixed(1)},${y(v).toFixed(1)}`;
    open = true;
  }
  return out;
}

/** The point of a day (its peak hour at hour resolution), for the summary and the cursor's figures. */
export function pointOfDay(points: readonly ChartPoint[], day: string): ChartPoint | null {
  let best: ChartPoint | null = null;
  for (const p of points) {
    if (p.day !== day || p.meteredMw === null) continue;
    if (!best || p.meteredMw > best.meteredMw!) best = p;
  }
  return best;
}
