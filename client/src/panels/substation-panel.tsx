import type { ApiClient, ApiFeature, SiteNear, UnlicensedLoad, UnlicensedLoadQuery } from '../api';
import { fill, localName, useI18n } from '../i18n';
import { formatNumber } from './format';
import { LoadSummary } from './load-summary';
import { RadiusInput } from './radius-input';
import { ReadingsChart } from './readings-chart';
import { SiteList } from './site-list';
import type { QueryState } from '../server-state/use-api-query';

export interface SubstationPanelProps {
  api: ApiClient;
  substationId: number;
  /** The map's as-of day (null: now) and today in Beijing: the readings chart's cursor and range. */
  asOf: string | null;
  today: string;
  substation: QueryState<ApiFeature<'substations'>>;
  load: QueryState<UnlicensedLoad>;
  settings: UnlicensedLoadQuery;
  onRadius: (km: number) => void;
  onIncludeSuspected: (include: boolean) => void;
  pickedSite: number | null;
  onPickSite: (site: SiteNear) => void;
  onClose: () => void;
}

/** One substation and the unlicensed load around it, as the API answers for the chosen radius. */
export function SubstationPanel(props: SubstationPanelProps) {
  const { substationId, substation, load, settings, onClose } = props;
  const { t, locale } = useI18n();
  // While another substation loads, the previous one's answers must not be shown under its name.
  const feature = substation.data?.id === substationId ? substation.data : null;
  const answer = load.data?.substationId === substationId ? load.data : null;
  const p = feature?.properties;
  const other = p && localName(p, locale === 'zh' ? 'en' : 'zh');
  const error = substation.error ?? load.error;
  return (
    <aside
      className="floating-panel substation-panel"
      data-testid="substation-panel"
      aria-busy={load.loading}
    >
      <header className="floating-panel__header">
        <div>
          <span className="feature-details__kind">{t.substationPanel.title}</span>
          <h2 className="feature-details__title">{p ? localName(p, locale) : t.loading}</h2>
          {other && <p className="substation-panel__other-name">{other}</p>}
        </div>
        <button
          type="button"
          className="floating-panel__close"
          aria-label={t.substationPanel.close}
          onClick={onClose}
        >
          ×
        </button>
      </header>
      {p && (
        <ReadingsChart
          api={props.api}
          substationId={substationId}
          name={localName(p, locale)}
          asOf={props.asOf}
          today={props.today}
        />
      )}
      {p && (
        <dl className="substation-panel__facts">
          <dt>{t.fields.voltageKv}</dt>
          <dd>{formatNumber(locale, p.voltageKv, t.units.kv)}</dd>
          <dt>{t.fields.utility}</dt>
          <dd>{localName({ name: p.utilityName, nameZh: p.utilityNameZh }, locale) || t.none}</dd>
        </dl>
      )}
      <div className="substation-panel__controls">
        <RadiusInput km={settings.radiusKm} onChange={props.onRadius} testId="radius-input" />
        <label className="substation-panel__suspected">
          <input
            type="checkbox"
            data-testid="include-suspected"
            checked={settings.includeSuspected}
            onChange={(e) => props.onIncludeSuspected(e.target.checked)}
          />
          {t.analysis.includeSuspected}
        </label>
      </div>
      {error && (
        <p className="panel-note panel-note--error" role="alert">
          {fill(t.loadFailed, { what: t.substationPanel.title, message: error.message })}
        </p>
      )}
      {answer ? (
        <>
          <LoadSummary load={answer} loading={load.loading} />
          <SiteList sites={answer.sites.features} picked={props.pickedSite} onPick={props.onPickSite} />
        </>
      ) : (
        !error && <p className="panel-note">{t.loading}</p>
      )}
    </aside>
  );
}
