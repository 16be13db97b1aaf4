import type { UnlicensedLoad } from '../api';
import { fill, useI18n } from '../i18n';
import { formatNumber } from './format';
import { StatusBreakdown } from './status-breakdown';

/**
 * The API's unlicensed load around a substation: totals, then by status. The raw numbers are also in data-value
 * attributes, so that a test compares them with the API's answer and not with their formatting.
 */
export function LoadSummary({ load, loading }: { load: UnlicensedLoad; loading: boolean }) {
  const { t, locale } = useI18n();
  return (
    <section
      className="load-summary"
      data-testid="unlicensed-load"
      data-radius-km={load.radiusKm}
      aria-busy={loading}
    >
      <h3 className="panel-section__title">
        {fill(t.analysis.unlicensedLoad, { radius: formatNumber(locale, load.radiusKm) ?? '' })}
      </h3>
      <dl className="load-summary__totals">
        <div>
          <dt>{t.analysis.siteCount}</dt>
          <dd data-testid="site-count" data-value={load.siteCount}>
            {formatNumber(locale, load.siteCount)}
          </dd>
        </div>
        <div>
          <dt>{t.analysis.totalLoad}</dt>
          <dd data-testid="total-load" data-value={load.totalLoadMw}>
            {formatNumber(locale, load.totalLoadMw, t.units.mw)}
          </dd>
        </div>
      </dl>
      <StatusBreakdown byStatus={load.byStatus} totalLoadMw={load.totalLoadMw} />
    </section>
  );
}
