import type { MapFilters } from '../filters/map-filters';
import { useI18n } from '../i18n';
import { describeFilters, type FilterKey, type FilterNames } from './filter-summary';

interface Props {
  filters: MapFilters;
  names: FilterNames;
}

/** The filters the map was narrowed with, in words. */
export function ReportFilters({ filters, names }: Props) {
  const { t, locale } = useI18n();
  const r = t.report;
  const labels: Record<FilterKey, string> = {
    status: r.filterStatus,
    voltage: r.filterVoltage,
    utility: r.filterUtility,
    region: r.filterRegion,
    load: r.filterLoad,
  };
  return (
    <section className="report-section" aria-labelledby="report-filters-title">
      <h2 id="report-filters-title" className="report-section__title">
        {r.filters}
      </h2>
      <dl className="report-filters" data-testid="report-filters">
        {describeFilters(filters, names, t, locale).map((line) => (
          <div key={line.key} className="report-filters__row" data-narrowed={line.narrowed}>
            <dt>{labels[line.key]}</dt>
            <dd>{line.text}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
