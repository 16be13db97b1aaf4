/**
 * One way to write time (docs/ui.md): every instant in Beijing time with its zone written out, every day as
 * YYYY-MM-DD, in both languages, whatever the browser's locale or zone. The API counts days in Beijing time
 * (contract calendar-day.ts), so what the screen shows is the day the API means.
 */
const BEIJING_OFFSET_MS = 8 * 60 * 60 * 1000;

/** The zone label written after every time of day. */
export const ZONE_LABEL = '(UTC+8)';

const beijingIso = (at: string | number) => {
  const ms = typeof at === 'number' ? at : Date.parse(at);
  return Number.isNaN(ms) ? null : new Date(ms + BEIJING_OFFSET_MS).toISOString();
};

/** An instant (ISO string or epoch ms) as `2026-12-02 18:52 (UTC+8)`. */
export function formatInstant(at: string | number): string {
  const iso = beijingIso(at);
  return iso ? `${iso.slice(0, 10)} ${iso.slice(11, 16)} ${ZONE_LABEL}` : String(at);
}

/** The Beijing day (YYYY-MM-DD) an instant falls on. */
export function beijingDayOf(at: string | number): string {
  return beijingIso(at)?.slice(0, 10) ?? String(at);
}

/** A calendar day (YYYY-MM-DD) as written: the day itself, in ISO order; 'short' leaves the year (MM-DD). */
export function formatCalendarDay(day: string, style: 'long' | 'short' = 'long'): string {
  return style === 'short' ? day.slice(5) : day;
}
