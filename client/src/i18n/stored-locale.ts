import { LOCALES, type Locale } from './locales';

const KEY = 'gridwatch.locale';

/** The language chosen last time on this browser, if any; storage may be off (private mode), hence the guards. */
export function storedLocale(): Locale | null {
  try {
    const value = localStorage.getItem(KEY);
    return (LOCALES as readonly string[]).includes(value ?? '') ? (value as Locale) : null;
  } catch {
    return null;
  }
}

export function storeLocale(locale: Locale): void {
  try {
    localStorage.setItem(KEY, locale);
  } catch {
    // Not remembered: the choice still holds for this page.
  }
}
