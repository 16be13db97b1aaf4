import type { ApiClient, DetailLayerId } from '../api';
import { fill, useI18n } from '../i18n';
import { featureDetails, type Row } from './feature-rows';
import { useFeature } from './use-feature';
import './feature-details.css';

interface Props {
  api: ApiClient;
  layer: DetailLayerId;
  id: number;
  /** Only the first rows: the map's popup previews a site whose whole record is in the site panel. */
  limit?: number;
  /** Rows shown before the feature's own: what the map shows of it besides (a prefecture's choropleth MW). */
  leadRows?: readonly Row[];
}

/** The attributes of one clicked feature, shown in the map's popup. */
export function FeatureDetails({ api, layer, id, limit, leadRows = [] }: Props) {
  const { t, locale } = useI18n();
  const result = useFeature(api, layer, id);
  if (result.state === 'loading') return <p className="feature-details__note">{t.loading}</p>;
  if (result.state === 'failed') {
    return (
      <p className="feature-details__note feature-details__note--error" role="alert">
        {fill(t.loadFailed, { what: t.layerNames[layer], message: result.error.message })}
      </p>
    );
  }
  const details = featureDetails(result.selected, t, locale);
  return (
    <article className="feature-details">
      <header>
        <span className="feature-details__kind">{t.layerNames[layer]}</span>
        <h2 className="feature-details__title">{details.title}</h2>
      </header>
      <dl>
        {[...leadRows, ...details.rows.slice(0, limit)].map((row) => (
          <div key={row.label} className="feature-details__row" data-testid={row.testId}>
            <dt>{row.label}</dt>
            <dd>
              {row.color && <span className="swatch-dot" style={{ background: row.color }} />}
              {row.value}
            </dd>
          </div>
        ))}
      </dl>
    </article>
  );
}
