/**
 * Calendar arithmetic for the as-of control, on YYYY-MM-DD days (Beijing-time days, as the API counts them).
 * Days are handled as UTC dates, which have no daylight saving, so one step is always one calendar day.
 */
const DAY_MS = 86_400_000;

const toMs = (day: string) => Date.parse(`${day}T00:00:00Z`);
const toDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export function addDays(day: string, days: number): string {
  return toDay(toMs(day) + days * DAY_MS);
}

/** Whole days from `from` to `to` (negative when `to` comes first). */
export function daysBetween(from: string, to: string): number {
  return Math.round((toMs(to) - toMs(from)) / DAY_MS);
}

/** The day clamped into [min, max]. */
export function clampDay(day: string, min: string, max: string): string {
  return day < min ? min : day > max ? max : day;
}

/**
 * The next day the play button shows: `step` days on, ending exactly on `max`; null once `max` is shown. Play
 * from the end (or from no date) starts again at `min`.
 */
export function nextPlayDay(current: string | null, min: string, max: string, step: number): string | null {
  if (current === null || current >= max) return null;
  return clampDay(addDays(current, step), min, max);
}

/** The first day play shows: where the control stands, or the start when it stands at the end (or at now). */
export function playStart(current: string | null, min: string, max: string): string {
  return current === null || current >= max ? min : current;
}
