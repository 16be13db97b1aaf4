import { useI18n } from '../i18n';
import { StatusLegend, VoltageLegend } from '../panels/legend';

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
          <StatusLegend className="report-legend__statuses" />
          <p className="legend__note">{t.illegalNote}</p>
          <p className="legend__note">{t.sizeByLoad}</p>
        </div>
        <div>
          <VoltageLegend />
          <p className="legend__note">{t.clusterNote}</p>
        </div>
      </div>
    </section>
  );
}
