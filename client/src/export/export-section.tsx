import { useState } from 'react';
import { STATUSES, type Status } from '../../../server/src/domain/status';
import type { Bbox } from '../api';
import { useI18n } from '../i18n';
import { STATUS_COLORS } from '../map/palette';
import { ExportLinks } from './export-links';

/** Exports the sites in the map's view, of the statuses ticked here (all by default). */
export function ExportSection({ view }: { view: Bbox | null }) {
  const { t } = useI18n();
  const [status, setStatus] = useState<readonly Status[]>(STATUSES);
  const toggle = (s: Status, on: boolean) =>
    setStatus((current) =>
      on ? STATUSES.filter((x) => x === s || current.includes(x)) : current.filter((x) => x !== s),
    );
  return (
    <section className="panel-section" aria-labelledby="export-title" data-testid="export-section">
      <h2 id="export-title" className="panel-section__title">
        {t.exports.title}
      </h2>
      <p className="panel-note">{t.exports.view}</p>
      <ul className="export-statuses">
        {STATUSES.map((s) => (
          <li key={s}>
            <label>
              <input
                type="checkbox"
                checked={status.includes(s)}
                onChange={(e) => toggle(s, e.target.checked)}
              />
              <span className="swatch-dot" style={{ background: STATUS_COLORS[s] }} />
              {t.statuses[s]}
            </label>
          </li>
        ))}
      </ul>
      {view && status.length > 0 ? (
        <ExportLinks scope={{ bbox: view, status }} testIdPrefix="export" />
      ) : (
        <p className="panel-note">{t.exports.chooseStatus}</p>
      )}
    </section>
  );
}
