import type { ApiClient } from '../api';
import { fill, useI18n } from '../i18n';
import { formatNumber } from '../panels/format';
import { StatusBreakdown } from '../panels/status-breakdown';
import { useApiQuery } from '../server-state/use-api-query';
import { queryKey } from '../server-state/query-keys';

interface Props {
  api: ApiClient;
  zoneId: number;
}

/** The API's sites in the zone and their load by status (GET /api/zones/:id/sites); raw numbers in data-value. */
export function ZoneSummary({ api, zoneId }: Props) {
  const { t, locale } = useI18n();
  const sites = useApiQuery(queryKey('zone-sites', zoneId), (signal) => api.zoneSites(zoneId, signal));
  if (sites.error) {
    return (
      <p className="panel-note panel-note--error" role="alert">
        {fill(t.loadFailed, { what: t.zones.summary, message: sites.error.message })}
      </p>
    );
  }
  if (!sites.data) return <p className="panel-note">{t.loading}</p>;
  const { summary } = sites.data;
  return (
    <section
      className="load-summary"
      data-testid="zone-summary"
      data-loaded={sites.loading ? 'false' : 'true'}
      aria-busy={sites.loading}
    >
      <h3 className="panel-section__title">{t.zones.summary}</h3>
      <dl className="load-summary__totals">
        <div>
          <dt>{t.analysis.siteCount}</dt>
          <dd data-testid="zone-site-count" data-value={summary.siteCount}>
            {formatNumber(locale, summary.siteCount)}
          </dd>
        </div>
        <div>
          <dt>{t.analysis.totalLoad}</dt>
          <dd data-testid="zone-total-load" data-value={summary.totalLoadMw}>
            {formatNumber(locale, summary.totalLoadMw, t.units.mw)}
          </dd>
        </div>
      </dl>
      <StatusBreakdown byStatus={summary.byStatus} totalLoadMw={summary.totalLoadMw} />
    </section>
  );
}
