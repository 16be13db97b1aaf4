import type { RegionLoad } from '../api';
import { fill, useI18n } from '../i18n';
import { REGION_LOAD_CLASSES } from '../map';
import { REGION_LOAD_OPACITY } from '../map/palette';
import { regionLoadClassLabel } from './region-load-rows';
import type { QueryState } from '../server-state/use-api-query';

interface Props {
  on: boolean;
  onToggle: (on: boolean) => void;
  loads: QueryState<RegionLoad[]>;
  /** Whether the regions layer is shown: the colours are drawn on it. */
  regionsVisible: boolean;
}

/** The switch of the choropleth of unlicensed load by prefecture, and its legend of five classes. */
export function RegionLoadPanel({ on, onToggle, loads, regionsVisible }: Props) {
  const { t, locale } = useI18n();
  const c = t.choropleth;
  return (
    <section className="panel-section" data-testid="analysis-regions" aria-labelledby="choropleth-title">
      <h2 id="choropleth-title" className="panel-section__title">
        {c.title}
      </h2>
      <label className="analysis-toggle">
        <input
          type="checkbox"
          data-testid="choropleth-toggle"
          checked={on}
          onChange={(e) => onToggle(e.target.checked)}
        />
        {c.toggle}
      </label>
      {on && (
        <div className="analysis-legend" data-testid="choropleth-legend">
          {loads.error && (
            <p className="panel-note panel-note--error" role="alert">
              {fill(t.loadFailed, { what: c.title, message: loads.error.message })}
            </p>
          )}
          {!regionsVisible && <p className="panel-note">{c.regionsOff}</p>}
          <p className="legend__note">{c.legend}</p>
          <ul className="legend__list">
            {REGION_LOAD_CLASSES.map(({ index, color }) => (
              <li key={index} className="legend__row" data-class={index}>
                <svg width="22" height="14" aria-hidden="true">
                  <rect
                    x="1"
                    y="1"
                    width="20"
                    height="12"
                    fill={color}
                    fillOpacity={REGION_LOAD_OPACITY}
                    stroke="#9a9a9a"
                  />
                </svg>
                {regionLoadClassLabel(index, t, locale)}
              </li>
            ))}
          </ul>
          <p className="legend__note">{c.fixedBreaks}</p>
        </div>
      )}
    </section>
  );
}
