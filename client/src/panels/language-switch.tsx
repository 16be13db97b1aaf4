import { LOCALES, useI18n, type Locale } from '../i18n';

const LABELS: Record<Locale, string> = { en: 'EN', zh: '中文' };

/** Switches the interface and the map's labels between the languages; the provider remembers the choice. */
export function LanguageSwitch() {
  const { t, locale, setLocale } = useI18n();
  return (
    <div className="language-switch" role="group" aria-label={t.language} data-testid="lang-toggle">
      {LOCALES.map((l) => (
        <button key={l} type="button" aria-pressed={l === locale} onClick={() => setLocale(l)}>
          {LABELS[l]}
        </button>
      ))}
    </div>
  );
}
