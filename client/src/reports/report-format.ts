import type { Locale } from '../i18n';

/**
 * An instant as the reports show it: the Beijing wall clock in ISO order, labelled with its offset
 * (`2026-12-02 18:52 (UTC+8)`), the same in both languages: a report is read by both sides of the order.
 */
export function formatBeijing(instant: string): string {
  const ms = Date.parse(instant);
  if (Number.isNaN(ms)) return instant;
  const beijing = new Date(ms + 8 * 3600_000).toISOString();
  return `${beijing.slice(0, 10)} ${beijing.slice(11, 16)} (UTC+8)`;
}

/** A period's name for people: `2026-03` as the month, `final` as the final report. */
export function periodLabel(period: string, locale: Locale, finalLabel: string): string {
  if (period === 'final') return finalLabel;
  const [year, month] = period.split('-').map(Number);
  return locale === 'zh' ? `${year}年${month}月` : period;
}
