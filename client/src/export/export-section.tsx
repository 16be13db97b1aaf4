import type { Bbox } from '../api';
import type { MapFilters } from '../filters/map-filters';
import { useI18n } from '../i18n';
import { ExportLinks } from './export-links';

/** Exports the sites in the map's view with the sidebar's filters: what the map shows, as a file. */
export function ExportSection({ view, filters }: { view: Bbox | null; filters: MapFilters }) {
  const { t } = useI18n();
  return (
    <section className="panel-section" aria-labelledby="export-title" data-testid="export-section">
      <h2 id="export-title" className="panel-section__title">
        {t.exports.title}
      </h2>
      <p className="panel-note">{t.exports.view}</p>
      {view && <ExportLinks scope={{ bbox: view, filters }} testIdPrefix="export" />}
    </section>
  );
}
