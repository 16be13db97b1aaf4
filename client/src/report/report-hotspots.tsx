import type { Hotspot, UnlicensedLoadQuery } from '../api';
import { fill, localName, useI18n } from '../i18n';
import { formatNumber } from '../panels/format';
import type { QueryState } from '../server-state/use-api-query';
import { formatCount, formatMw } from '../progress/progress-format';

interface Props {
  hotspots: QueryState<Hotspot[]>;
  settings: UnlicensedLoadQuery;
}

/** The hotspots panel's ranking as a table, so that its header repeats on every printed page. */
export function ReportHotspots({ hotspots, settings }: Props) {
  const { t, locale } = useI18n();
  const r = t.report;
  const rows = hotspots.data ?? [];
  return (
    <section className="report-section" aria-labelledby="report-hotspots-title">
      <h2 id="report-hotspots-title" className="report-section__title">
        {t.hotspots.title}
      </h2>
      <p className="report-note">
        {fill(t.hotspots.subtitle, { radius: formatNumber(locale, settings.radiusKm) ?? '' })}
        {settings.includeSuspected && ` ${t.hotspots.withSuspected}`}
      </p>
      <p className="report-note">{r.hotspotsAsOf}</p>
      {hotspots.error && (
        <p className="panel-note panel-note--error" role="alert">
          {fill(t.loadFailed, { what: t.hotspots.title, message: hotspots.error.message })}
        </p>
      )}
      {hotspots.data && rows.length === 0 && <p className="report-note">{t.hotspots.empty}</p>}
      {rows.length > 0 && (
        <table className="report-table" data-testid="report-hotspots">
          <thead>
            <tr>
              <th scope="col">{r.rank}</th>
              <th scope="col">{r.substation}</th>
              <th scope="col">{r.hotspotLoad}</th>
              <th scope="col">{r.hotspotSites}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((h, i) => (
              <tr key={h.substationId} data-substation-id={h.substationId}>
                <td className="report-table__num">{formatCount(locale, i + 1)}</td>
                <th scope="row">{localName(h, locale)}</th>
                <td className="report-table__num">{formatMw(locale, h.totalLoadMw)}</td>
                <td className="report-table__num">{formatCount(locale, h.siteCount)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
