import { fill, useI18n, type Locale } from '../i18n';
import { formatDay } from '../progress/progress-format';
import { formatInstant } from '../time/format-time';

/** When the report was made, as the API counts days: in Beijing time, written as every time is. */
const formatMade = (_locale: Locale, at: number) => formatInstant(at);

export function ReportHeader({ asOf, madeAt }: { asOf: string; madeAt: number }) {
  const { t, locale } = useI18n();
  const r = t.report;
  return (
    <header className="report-header">
      <p className="report-header__app">
        {t.appTitle} · {t.appSubtitle}
      </p>
      <h1 id="report-title" className="report-header__title">
        {r.title}
      </h1>
      <p className="report-header__as-of" data-testid="report-as-of" data-value={asOf}>
        {fill(r.asOf, { date: formatDay(locale, asOf) })}
      </p>
      <p className="report-note">{fill(r.made, { time: formatMade(locale, madeAt) })}</p>
    </header>
  );
}
