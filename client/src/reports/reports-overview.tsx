import type { ReportsOverview, ReportSummary } from '@gridwatch/contract';
import { fill, useI18n } from '../i18n';
import { formatMw, formatShare } from '../progress/progress-format';
import { formatInstant } from '../time/format-time';

interface Props {
  overview: ReportsOverview;
  /** The period's revisions, to open the latest of a utility's. */
  reports: ReportSummary[];
  selected: number | null;
  onOpen: (reportId: number) => void;
}

/**
 * The regulator's overview of a period (docs/reports.md, "The overview"): each utility's state — missing, late
 * by how many days, returned, on time, accepted, due — its reported and current numbers and its pace, in the
 * server's order of what needs attention first.
 */
export function ReportsOverviewTable({ overview, reports, selected, onOpen }: Props) {
  const { t, locale } = useI18n();
  const r = t.reports;
  const latest = (utilityId: number) =>
    reports
      .filter((s) => s.utilityId === utilityId)
      .reduce<ReportSummary | null>((a, b) => (a === null || b.revision > a.revision ? b : a), null);
  return (
    <div className="progress-table__scroll">
      <table className="progress-table reports-overview" data-testid="reports-overview">
        <caption>{fill(r.overviewCaption, { due: formatInstant(overview.period.dueAt) })}</caption>
        <thead>
          <tr>
            <th scope="col">{t.progress.utility}</th>
            <th scope="col">{r.state}</th>
            <th scope="col">{r.foundReportedNow}</th>
            <th scope="col">{r.drawingReportedNow}</th>
            <th scope="col">{r.pace}</th>
            <th scope="col">
              <span className="visually-hidden">{r.openReport}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {overview.rows.map((row) => {
            const report = latest(row.utilityId);
            const late = row.daysLate > 0 ? ` · ${fill(r.daysLate, { n: row.daysLate })}` : '';
            return (
              <tr
                key={row.utilityId}
                data-testid="reports-overview-row"
                data-utility={row.utilityId}
                data-state={row.state}
                data-pace={row.pace}
                data-days-late={row.daysLate}
                className={report?.id === selected ? 'progress-table__row--highlighted' : undefined}
              >
                <th scope="row" className="progress-table__name">
                  {locale === 'zh' ? row.nameZh : row.name}
                </th>
                <td className={`overview-state overview-state--${row.state.toLowerCase()}`}>
                  {r.overviewStates[row.state]}
                  {late}
                  {row.revision !== null && row.revision > 1 && ` · ${fill(r.revision, { n: row.revision })}`}
                </td>
                <td className="progress-table__num">
                  {row.reported ? row.reported.found : '—'} / {row.current.found}
                </td>
                <td className="progress-table__num">
                  {row.reported ? formatMw(locale, row.reported.loadStillDrawingMw) : '—'} /{' '}
                  {formatMw(locale, row.current.loadStillDrawingMw)}
                </td>
                <td>
                  {row.pace === 'NOTHING_FOUND'
                    ? r.paces.NOTHING_FOUND
                    : `${r.paces[row.pace]} (${formatShare(locale, row.shareDone ?? 0)} / ${formatShare(locale, row.elapsedShare)})`}
                </td>
                <td>
                  {report && (
                    <button
                      type="button"
                      className="link-button"
                      data-testid="reports-overview-open"
                      onClick={() => onOpen(report.id)}
                    >
                      {r.openReport}
                    </button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
