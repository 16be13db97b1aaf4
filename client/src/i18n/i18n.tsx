import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { en, type Messages } from './en';
import { LOCALES, type Locale } from './locales';
import { storedLocale, storeLocale } from './stored-locale';
import { zh } from './zh';

export { LOCALES, type Locale };

const MESSAGES: Record<Locale, Messages> = { en, zh };

/** Fills `{name}` placeholders of a message. */
export function fill(message: string, values: Record<string, string | number>): string {
  return message.replace(/\{(\w+)\}/g, (whole, key: string) => String(values[key] ?? whole));
}

interface I18n {
  locale: Locale;
  setLocale: (locale: Locale) => void;
  t: Messages;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ initial = 'en', children }: { initial?: Locale; children: ReactNode }) {
  const [locale, setLocale] = useState<Locale>(() => storedLocale() ?? initial);
  const value = useMemo(() => ({ locale, setLocale, t: MESSAGES[locale] }), [locale]);
  useEffect(() => {
    storeLocale(locale);
    // Lets the browser pick Chinese glyph shapes and hyphenation for the page's own text.
    document.documentElement.lang = locale === 'zh' ? 'zh-CN' : 'en';
  }, [locale]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n needs an I18nProvider above it');
  return value;
}
