import { formatCalendarDay } from '../time/format-time';
import type { Locale } from '../i18n';

/** Numbers of the progress report as the language writes them, with every decimal the API gave. */
const tag = (locale: Locale) => (locale === 'zh' ? 'zh-CN' : 'en-US');

export const formatCount = (locale: Locale, n: number) => new Intl.NumberFormat(tag(locale)).format(n);

/** MW: the API rounds to 3 decimals; all of them are shown. */
export const formatMw = (locale: Locale, mw: number) =>
  new Intl.NumberFormat(tag(locale), { maximumFractionDigits: 3 }).format(mw);

/** A share (0..1, 4 decimals from the API) as a percentage with the 2 decimals that keeps it exact. */
export const formatShare = (locale: Locale, share: number) =>
  new Intl.NumberFormat(tag(locale), { style: 'percent', maximumFractionDigits: 2 }).format(share);

/**
 * A calendar day (YYYY-MM-DD) as every screen writes it, in both languages: in ISO order (time/format-time.ts).
 * The locale is kept in the signature for the month names of the chart's axis.
 */
export const formatDay = (_locale: Locale, day: string, style: 'long' | 'short' = 'long') =>
  formatCalendarDay(day, style);

export const formatMonth = (locale: Locale, day: string) =>
  new Intl.DateTimeFormat(tag(locale), { month: 'short', timeZone: 'UTC' }).format(
    Date.parse(`${day}T00:00:00.000Z`),
  );
