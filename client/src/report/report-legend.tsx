import { useI18n } from '../i18n';
import { STATUS_ENTRIES, VOLTAGE_CLASSES } from '../map/palette';
import { PylonSwatch, StatusSwatch, VoltageSwatch } from '../panels/legend';

/** The legend of the map's picture, from the palette the map's style and the sidebar's legend use. */
export function ReportLegend() {
  const { t } = useI18n();
  return (
    <section className="report-section report-legend" aria-labelledby="report-legend-title">
      <h2 id="report-legend-title" className="report-section__title">
        {t.legend}
      </h2>
      <div className="report-legend__columns">
        <div>
          <h3 className="legend__heading">{t.siteStatus}</h3>
          <ul className="legend__list report-legend__statuses">
            {STATUS_ENTRIES.map((entry) => (
              <li key={entry.status} className="legend__row">
                <StatusSwatch entry={entry} />
                {t.statuses[entry.status]}
              </li>
            ))}
          </ul>
          <p className="legend__note">{t.illegalNote}</p>
          <p className="legend__note">{t.sizeByLoad}</p>
        </div>
        <div>
          <h3 className="legend__heading">
            {t.voltage} — {t.lineLegend} / {t.substationLegend}
          </h3>
          <ul className="legend__list">
            {VOLTAGE_CLASSES.map((c) => (
              <li key={c.kv} className="legend__row">
                <VoltageSwatch voltage={c} />
                {c.kv} {t.units.kv}
              </li>
            ))}
            <li className="legend__row">
              <PylonSwatch />
              {t.layerNames.pylons}
            </li>
          </ul>
          <p className="legend__note">{t.clusterNote}</p>
        </div>
      </div>
    </section>
  );
}
