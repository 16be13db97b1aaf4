import type { Hotspot, UnlicensedLoadQuery } from '../api';
import { fill, localName, useI18n } from '../i18n';
import { formatNumber } from './format';
import { RadiusInput } from './radius-input';
import type { QueryState } from '../server-state/use-api-query';

interface Props {
  hotspots: QueryState<Hotspot[]>;
  settings: UnlicensedLoadQuery;
  onRadius: (km: number) => void;
  selected: number | null;
  onOpen: (substationId: number) => void;
}

/** The API's ranking of substations by unlicensed load nearby; a bar shows each one's load against the first. */
export function HotspotsPanel({ hotspots, settings, onRadius, selected, onOpen }: Props) {
  const { t, locale } = useI18n();
  const rows = hotspots.data ?? [];
  const top = Math.max(0, ...rows.map((h) => h.totalLoadMw));
  return (
    <section className="panel-section" data-testid="analysis-hotspots" aria-labelledby="hotspots-title">
      <h2 id="hotspots-title" className="panel-section__title">
        {t.hotspots.title}
      </h2>
      <p className="panel-note">
        {fill(t.hotspots.subtitle, { radius: formatNumber(locale, settings.radiusKm) ?? '' })}
        {settings.includeSuspected && ` ${t.hotspots.withSuspected}`}
      </p>
      <RadiusInput km={settings.radiusKm} onChange={onRadius} testId="hotspots-radius-input" />
      {hotspots.error && (
        <p className="panel-note panel-note--error" role="alert">
          {fill(t.loadFailed, { what: t.hotspots.title, message: hotspots.error.message })}
        </p>
      )}
      {!hotspots.data && hotspots.loading && <p className="panel-note">{t.loading}</p>}
      {hotspots.data && rows.length === 0 && <p className="panel-note">{t.hotspots.empty}</p>}
      <ol className="hotspots" aria-busy={hotspots.loading}>
        {rows.map((h) => (
          <li key={h.substationId}>
            <button
              type="button"
              className="hotspots__row"
              data-testid="hotspot-row"
              data-substation-id={h.substationId}
              aria-pressed={selected === h.substationId}
              onClick={() => onOpen(h.substationId)}
            >
              <span className="hotspots__name" title={localName(h, locale)}>
                {localName(h, locale)}
              </span>
              <span className="hotspots__load">{formatNumber(locale, h.totalLoadMw, t.units.mw)}</span>
              <span className="hotspots__count">{fill(t.hotspots.sites, { count: h.siteCount })}</span>
              <span className="hotspots__bar" aria-hidden="true">
                <span style={{ width: top > 0 ? `${(100 * h.totalLoadMw) / top}%` : 0 }} />
              </span>
            </button>
          </li>
        ))}
      </ol>
    </section>
  );
}
