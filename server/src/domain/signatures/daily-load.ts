/**
 * Hourly readings folded into Beijing days (docs/detection.md). A day's hours are its 24 hours since 00:00
 * Beijing (UTC+8); "night" is 00:00–06:00 local, when homes and most industry draw least, and "day" 10:00–18:00,
 * their working hours: the two windows a flat (24/7) load cannot tell apart.
 */
export const BEIJING_OFFSET_HOURS = 8;
export const NIGHT_HOURS: readonly [number, number] = [0, 6];
export const DAY_HOURS: readonly [number, number] = [10, 18];

export interface HourlyReading {
  /** Hours since 1970-01-01T00:00Z. */
  hour: number;
  mw: number;
}

/** One Beijing day of one meter. */
export interface DailyLoad {
  /** Days since 1970-01-01 in Beijing time (the day of `hour` is floor((hour + 8) / 24)). */
  day: number;
  hours: number;
  meanMw: number;
  peakMw: number;
  /** Mean of the night hours read (null when none was). */
  nightMw: number | null;
  /** Mean of the working hours read (null when none was). */
  dayMw: number | null;
}

export const beijingDayOf = (hour: number): number => Math.floor((hour + BEIJING_OFFSET_HOURS) / 24);
export const localHourOf = (hour: number): number => (((hour + BEIJING_OFFSET_HOURS) % 24) + 24) % 24;
/** YYYY-MM-DD of a Beijing day number. */
export const dayText = (day: number): string => new Date(day * 86_400_000).toISOString().slice(0, 10);
/** The Beijing day number of YYYY-MM-DD. */
export const dayNumber = (text: string): number => Date.parse(`${text}T00:00:00.000Z`) / 86_400_000;

const inWindow = (h: number, [from, to]: readonly [number, number]) => h >= from && h < to;

/** Folds one meter's readings (any order) into its days, in day order; a day with no reading is absent. */
export function dailyLoads(readings: readonly HourlyReading[]): DailyLoad[] {
  const days = new Map<number, { n: number; sum: number; peak: number; night: number[]; work: number[] }>();
  for (const { hour, mw } of readings) {
    const day = beijingDayOf(hour);
    let d = days.get(day);
    if (!d) days.set(day, (d = { n: 0, sum: 0, peak: -Infinity, night: [0, 0], work: [0, 0] }));
    d.n += 1;
    d.sum += mw;
    d.peak = Math.max(d.peak, mw);
    const local = localHourOf(hour);
    if (inWindow(local, NIGHT_HOURS)) {
      d.night[0]! += mw;
      d.night[1]! += 1;
    }
    if (inWindow(local, DAY_HOURS)) {
      d.work[0]! += mw;
      d.work[1]! += 1;
    }
  }
  return [...days.entries()]
    .sort(([a], [b]) => a - b)
    .map(([day, d]) => ({
      day,
      hours: d.n,
      meanMw: d.sum / d.n,
      peakMw: d.peak,
      nightMw: d.night[1] ? d.night[0]! / d.night[1] : null,
      dayMw: d.work[1] ? d.work[0]! / d.work[1] : null,
    }));
}

/**
 * The p-th percentile (0–100) of a day's readings, nearest rank: p = 100 is the peak. Offered for a meter with
 * spikes; the unexplained load takes the peak (docs/detection.md says why).
 */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) throw new Error('percentile of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1]!;
}
