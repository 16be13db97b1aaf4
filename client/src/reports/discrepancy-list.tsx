import type { Discrepancy } from '@gridwatch/contract';
import { fill, useI18n } from '../i18n';
import { formatMw } from '../progress/progress-format';

/**
 * Where the records now differ from what a submitted report says (docs/reports.md, "Discrepancies"): per number,
 * then per site, each in words with what was reported and what the records say now.
 */
export function DiscrepancyList({ discrepancies }: { discrepancies: Discrepancy[] }) {
  const { t, locale } = useI18n();
  const r = t.reports;
  const mw = (n: number) => formatMw(locale, n);
  const words = (d: Discrepancy): string => {
    const k = r.discrepancy;
    switch (d.kind) {
      case 'FIGURE_DIFFERS': {
        const show = d.figure.endsWith('Mw') ? mw : String;
        return fill(k.FIGURE_DIFFERS, {
          figure: r.figures[d.figure],
          reported: show(d.reported),
          current: show(d.current),
        });
      }
      case 'SITE_LOAD_DIFFERS':
        return fill(k.SITE_LOAD_DIFFERS, {
          site: d.siteId,
          reported: mw(d.reported),
          current: mw(d.current),
        });
      case 'SITE_NOT_REPORTED':
        return fill(k.SITE_NOT_REPORTED, { site: d.siteId, status: t.statuses[d.current.status] });
      case 'SITE_NOT_ATTRIBUTED':
        return fill(k.SITE_NOT_ATTRIBUTED, { site: d.siteId });
      case 'SITE_NOT_FOUND_ILLEGAL':
        return fill(k.SITE_NOT_FOUND_ILLEGAL, { site: d.siteId, status: t.statuses[d.currentStatus] });
      case 'SITE_NOT_IN_RECORDS':
        return fill(k.SITE_NOT_IN_RECORDS, { site: d.siteId });
      default:
        return fill(k[d.kind], {
          site: d.siteId,
          reported: t.statuses[d.reported.status],
          current: t.statuses[d.current.status],
        });
    }
  };
  return (
    <section className="report-discrepancies" aria-label={r.discrepancies}>
      <h3 className="panel-section__title">{r.discrepancies}</h3>
      {discrepancies.length === 0 ? (
        <p className="panel-note" data-testid="report-no-discrepancy">
          {r.noDiscrepancy}
        </p>
      ) : (
        <ul>
          {discrepancies.map((d, i) => (
            <li key={i} data-testid="report-discrepancy" data-kind={d.kind}>
              {words(d)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
