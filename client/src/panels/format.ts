import type { Locale } from '../i18n';

/** A number as the panels show it: grouped in the locale's way, at most one decimal, with an optional unit. */
export function formatNumber(locale: Locale, value: number | null | undefined, unit?: string): string | null {
  if (value === null || value === undefined) return null;
  const text = value.toLocaleString(locale === 'zh' ? 'zh-CN' : 'en-US', { maximumFractionDigits: 1 });
  return unit ? `${text} ${unit}` : text;
}
