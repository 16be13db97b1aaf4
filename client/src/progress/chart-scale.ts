/** The arithmetic of the progress chart: pure, so it is tested without a DOM. */

export interface LinearScale {
  (value: number): number;
  invert(position: number): number;
}

/** Maps [d0, d1] onto [r0, r1] linearly (either may be descending, as a y axis is). */
export function linearScale(
  [d0, d1]: readonly [number, number],
  [r0, r1]: readonly [number, number],
): LinearScale {
  const k = d1 === d0 ? 0 : (r1 - r0) / (d1 - d0);
  const scale = (value: number) => r0 + (value - d0) * k;
  scale.invert = (position: number) => (k === 0 ? d0 : d0 + (position - r0) / k);
  return scale;
}

/** Epoch ms of a calendar day's midnight UTC: the chart's time axis counts whole days. */
export const dayMs = (day: string) => Date.parse(`${day}T00:00:00.000Z`);

/** The first day of every month from `first` to `last` (included), for the time axis' ticks. */
export function monthTicks(first: string, last: string): string[] {
  const ticks: string[] = [];
  let [year, month] = [Number(first.slice(0, 4)), Number(first.slice(5, 7))];
  if (first.slice(8) !== '01') month += 1;
  for (;;) {
    if (month > 12) [year, month] = [year + 1, 1];
    const day = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-01`;
    if (day > last) return ticks;
    ticks.push(day);
    month += 1;
  }
}

/** The index of the value nearest to x in an ascending list; the earlier one on a tie; -1 when empty. */
export function nearestIndex(values: readonly number[], x: number): number {
  let best = -1;
  for (const [i, v] of values.entries()) {
    if (best === -1 || Math.abs(v - x) < Math.abs((values[best] ?? 0) - x)) best = i;
  }
  return best;
}

/** An SVG path through the points, in order. */
export function linePath(points: readonly (readonly [number, number])[]): string {
  return points.map(([x, y], i) => `${i === 0 ? 'M' : 'L'}${round(x)},${round(y)}`).join('');
}

const round = (n: number) => Math.round(n * 10) / 10;
