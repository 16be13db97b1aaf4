import type { Locale } from '../i18n';

/** A period's name for people: `2026-03` as the month, `final` as the final report. */
export function periodLabel(period: string, locale: Locale, finalLabel: string): string {
  if (period === 'final') return finalLabel;
  const [year, month] = period.split('-').map(Number);
  return locale === 'zh' ? `${year}年${month}月` : period;
}
