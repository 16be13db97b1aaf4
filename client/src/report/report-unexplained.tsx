import type { ApiClient } from '../api';
import { fill, localName, useI18n } from '../i18n';
import { UNEXPLAINED_RADIUS_KM } from '../panels/unexplained-panel';
import { formatCount, formatMw } from '../progress/progress-format';
import { queryKey } from '../server-state/query-keys';
import { useApiQuery } from '../server-state/use-api-query';

/** How many substations the report lists: the largest unexplained loads. */
const REPORT_UNEXPLAINED = 10;

/**
 * Unexplained load as of the report's day (docs/detection.md): the substations whose metered peak that day the
 * base load and the sites (by their statuses at its end) explain least, as the unexplained-load panel ranks them.
 */
export function ReportUnexplained({ api, asOf }: { api: ApiClient; asOf: string }) {
  const { t, locale } = useI18n();
  const r = t.report;
  const answer = useApiQuery(queryKey('unexplained-load', UNEXPLAINED_RADIUS_KM, asOf), (signal) =>
    api.unexplainedLoad(UNEXPLAINED_RADIUS_KM, asOf, signal),
  );
  const rows = (answer.data ?? []).filter((u) => u.unexplainedMw > 0).slice(0, REPORT_UNEXPLAINED);
  return (
    <section className="report-section" aria-labelledby="report-unexplained-title">
      <h2 id="report-unexplained-title" className="report-section__title">
        {t.unexplained.title}
      </h2>
      <p className="report-note">
        {fill(t.unexplained.subtitle, { radius: UNEXPLAINED_RADIUS_KM })}{' '}
        {fill(r.unexplainedAsOf, { day: asOf, count: REPORT_UNEXPLAINED })}
      </p>
      {answer.error && (
        <p className="panel-note panel-note--error" role="alert">
          {fill(t.loadFailed, { what: t.unexplained.title, message: answer.error.message })}
        </p>
      )}
      {answer.data && rows.length === 0 && <p className="report-note">{t.unexplained.empty}</p>}
      {rows.length > 0 && (
        <table className="report-table" data-testid="report-unexplained" data-as-of={asOf}>
          <thead>
            <tr>
              <th scope="col">{r.rank}</th>
              <th scope="col">{r.substation}</th>
              <th scope="col">{r.unexplainedLoad}</th>
              <th scope="col">{r.meteredSource}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((u, i) => (
              <tr key={u.substationId} data-substation-id={u.substationId} data-value={u.unexplainedMw}>
                <td className="report-table__num">{formatCount(locale, i + 1)}</td>
                <th scope="row">{localName(u, locale)}</th>
                <td className="report-table__num">{formatMw(locale, u.unexplainedMw)}</td>
                <td>{r.sources[u.meteredSource]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
