import type { UnexplainedLoadRow } from '../api';
import { fill, localName, useI18n } from '../i18n';
import { unexplainedRadiusPx } from '../map/analysis-scales';
import { UNEXPLAINED_STYLE } from '../map/palette';
import { formatNumber } from './format';
import type { QueryState } from '../server-state/use-api-query';

/** How many substations the list shows: the rest carry little or nothing unexplained. */
export const UNEXPLAINED_LIMIT = 20;
/** The radius for sites without a feeder (DOMAIN.md's default). */
export const UNEXPLAINED_RADIUS_KM = 10;

interface Props {
  open: boolean;
  onOpen: (open: boolean) => void;
  rows: QueryState<UnexplainedLoadRow[]>;
  selected: number | null;
  onChoose: (substationId: number) => void;
}

const LEGEND_BOX = 2 * unexplainedRadiusPx(Math.max(...UNEXPLAINED_STYLE.legendMw)) + 4;

/**
 * The API's substations by unexplained load, largest first, and the switch for their circles on the map.
 * A row opens its substation and flies to it.
 */
export function UnexplainedPanel({ open, onOpen, rows, selected, onChoose }: Props) {
  const { t, locale } = useI18n();
  const u = t.unexplained;
  const all = rows.data ?? [];
  const shown = all.filter((r) => r.unexplainedMw > 0).slice(0, UNEXPLAINED_LIMIT);
  const top = shown[0]?.unexplainedMw ?? 0;
  const rest = all.filter((r) => !(r.unexplainedMw > 0)).length;
  return (
    <section className="panel-section" data-testid="analysis-unexplained" aria-labelledby="unexplained-title">
      <h2 id="unexplained-title" className="panel-section__title">
        {u.title}
      </h2>
      <p className="panel-note">{fill(u.subtitle, { radius: UNEXPLAINED_RADIUS_KM })}</p>
      <label className="analysis-toggle">
        <input
          type="checkbox"
          data-testid="unexplained-toggle"
          checked={open}
          aria-controls={open ? 'unexplained-list' : undefined}
          onChange={(e) => onOpen(e.target.checked)}
        />
        {u.toggle}
      </label>
      {open && (
        <>
          {rows.error && (
            <p className="panel-note panel-note--error" role="alert">
              {fill(t.loadFailed, { what: u.title, message: rows.error.message })}
            </p>
          )}
          {!rows.data && rows.loading && <p className="panel-note">{t.loading}</p>}
          {rows.data && shown.length === 0 && <p className="panel-note">{u.empty}</p>}
          <ol id="unexplained-list" className="hotspots" aria-label={u.list} aria-busy={rows.loading}>
            {shown.map((r) => (
              <li key={r.substationId}>
                <button
                  type="button"
                  className="hotspots__row"
                  data-testid="unexplained-row"
                  data-substation-id={r.substationId}
                  data-value={r.unexplainedMw}
                  aria-pressed={selected === r.substationId}
                  onClick={() => onChoose(r.substationId)}
                >
                  <span className="hotspots__name" title={localName(r, locale)}>
                    {localName(r, locale)}
                  </span>
                  <span className="hotspots__load">{formatNumber(locale, r.unexplainedMw, t.units.mw)}</span>
                  <span className="hotspots__bar hotspots__bar--unexplained" aria-hidden="true">
                    <span style={{ width: top > 0 ? `${(100 * r.unexplainedMw) / top}%` : 0 }} />
                  </span>
                </button>
              </li>
            ))}
          </ol>
          {rows.data && rest > 0 && <p className="panel-note">{fill(u.rest, { count: rest })}</p>}
          <div className="analysis-legend" data-testid="unexplained-legend">
            <p className="legend__note">{u.legend}</p>
            <ul className="legend__sizes">
              {UNEXPLAINED_STYLE.legendMw.map((mw) => {
                const r = unexplainedRadiusPx(mw);
                return (
                  <li key={mw}>
                    <svg width={LEGEND_BOX} height={LEGEND_BOX} aria-hidden="true">
                      <circle
                        cx={LEGEND_BOX / 2}
                        cy={LEGEND_BOX - r - 2}
                        r={r}
                        fill={UNEXPLAINED_STYLE.fill}
                        fillOpacity={UNEXPLAINED_STYLE.fillOpacity}
                        stroke={UNEXPLAINED_STYLE.stroke}
                        strokeWidth={1.5}
                      />
                    </svg>
                    {formatNumber(locale, mw, t.units.mw)}
                  </li>
                );
              })}
            </ul>
          </div>
        </>
      )}
    </section>
  );
}
