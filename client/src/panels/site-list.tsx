import type { SiteNear } from '../api';
import { localName, useI18n } from '../i18n';
import { STATUS_COLORS } from '../map/palette';
import { formatNumber } from './format';

interface Props {
  sites: readonly SiteNear[];
  picked: number | null;
  onPick: (site: SiteNear) => void;
}

/** The counted sites in the API's order (nearest first); a row shows its site on the map. */
export function SiteList({ sites, picked, onPick }: Props) {
  const { t, locale } = useI18n();
  if (sites.length === 0) return <p className="panel-note">{t.analysis.noSites}</p>;
  return (
    <section>
      <h3 className="panel-section__title">{t.analysis.siteList}</h3>
      <ol className="site-list" data-testid="site-list">
        {sites.map((site) => {
          const p = site.properties;
          return (
            <li key={site.id}>
              <button
                type="button"
                className="site-list__row"
                data-site-id={site.id}
                aria-pressed={picked === site.id}
                onClick={() => onPick(site)}
              >
                <span className="swatch-dot" style={{ background: STATUS_COLORS[p.status] }} />
                <span className="site-list__name" title={t.statuses[p.status]}>
                  {localName(p, locale)}
                </span>
                <span className="site-list__load">{formatNumber(locale, p.loadMw, t.units.mw)}</span>
                <span className="site-list__distance">{formatNumber(locale, p.distanceKm, t.units.km)}</span>
              </button>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
