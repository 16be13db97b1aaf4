import type { Health } from '../api';
import { fill, useI18n } from '../i18n';

/** Where the map and the numbers come from (geodata/PROVENANCE.md), and which API gave them. */
export function ReportCredits({
  health,
  onlineCredit,
}: {
  health: Health | null;
  /** The online basemap's credit, when the picture shows it. */
  onlineCredit: string | null;
}) {
  const { t } = useI18n();
  const r = t.report;
  return (
    <section className="report-section report-credits" aria-labelledby="report-credits-title">
      <h2 id="report-credits-title" className="report-section__title">
        {r.credits}
      </h2>
      <ul data-testid="report-credits">
        <li>
          {fill(r.creditNumbers, {
            version: health?.version ?? r.unknown,
            backend: health?.backend ?? r.unknown,
          })}
        </li>
        <li>{r.creditBasemap}</li>
        {onlineCredit && <li>{fill(r.creditOnline, { credit: onlineCredit })}</li>}
        <li>{r.creditBoundaries}</li>
        <li>{r.creditSynthetic}</li>
        <li>{r.creditFonts}</li>
      </ul>
    </section>
  );
}
