import type { Locale } from '../i18n';

const intl = (locale: Locale, digits: number) =>
  new Intl.NumberFormat(locale === 'zh' ? 'zh-CN' : 'en-US', { maximumFractionDigits: digits });

/** A length in m under a kilometre, else in km. */
export function formatLength(metres: number, locale: Locale): string {
  return metres < 1000
    ? `${intl(locale, 0).format(metres)} m`
    : `${intl(locale, 2).format(metres / 1000)} km`;
}

/** An area in m² under a hectare, in ha under a square kilometre, else in km² with the hectares beside. */
export function formatArea(squareMetres: number, locale: Locale): string {
  if (squareMetres < 10_000) return `${intl(locale, 0).format(squareMetres)} m²`;
  const ha = `${intl(locale, 1).format(squareMetres / 10_000)} ha`;
  if (squareMetres < 1_000_000) return ha;
  return `${intl(locale, 2).format(squareMetres / 1_000_000)} km² (${ha})`;
}
