import type { Parsed } from './parsed';

/**
 * Calendar days (YYYY-MM-DD) as the authority counts them: in Beijing time (UTC+8), the official time in
 * Xinjiang, whatever the server's own time zone. geodata's CAMPAIGN_DEADLINE_MS draws the deadline the same
 * way: the end of 31 August is 2026-08-31T16:00:00.000Z.
 */
const BEIJING_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

/** Parses a real calendar date: YYYY-MM-DD with a month that has that day (no 2026-02-30, no month 13). */
export function parseCalendarDay(text: string): Parsed<string> {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return { ok: false, reason: `"${text}" is not a date YYYY-MM-DD` };
  const midnight = Date.parse(`${text}T00:00:00.000Z`);
  // Date.parse accepts some impossible days and rolls them over; only a round trip proves the day exists.
  if (Number.isNaN(midnight) || new Date(midnight).toISOString().slice(0, 10) !== text) {
    return { ok: false, reason: `${text} is not a calendar date` };
  }
  return { ok: true, value: text };
}

/** Epoch ms of the first instant of the day in Beijing (00:00 UTC+8). The day must have been parsed. */
export function startOfDayMs(day: string): number {
  return Date.parse(`${day}T00:00:00.000Z`) - BEIJING_OFFSET_MS;
}

/**
 * Epoch ms of the end of the day in Beijing: midnight at its close (24:00 UTC+8). A record stamped at exactly
 * this instant counts to the day, as `at <= CAMPAIGN_DEADLINE_MS` counts it in geodata's tests.
 */
export function endOfDayMs(day: string): number {
  return startOfDayMs(day) + DAY_MS;
}

/**
 * The end of the day as the stored status-change times are written (`Date#toISOString`, UTC with
 * milliseconds), so that SQL can compare them as text on both stores.
 */
export function endOfDayIso(day: string): string {
  return new Date(endOfDayMs(day)).toISOString();
}

/** Today's date in Beijing. */
export function todayInBeijing(nowMs: number): string {
  return new Date(nowMs + BEIJING_OFFSET_MS).toISOString().slice(0, 10);
}
