import type { ProgressReport } from '../api';
import { localName, useI18n } from '../i18n';
import { formatCount, formatMw, formatShare } from './progress-format';

type Row = ProgressReport['utilities'][number];

/** The key of a row in test ids and in the chart's choice: the utility id, or `unassigned`. */
export const rowKey = (row: { utilityId: number | null }) =>
  row.utilityId === null ? 'unassigned' : String(row.utilityId);

interface Props {
  report: ProgressReport;
  highlighted: string | null;
  onHighlight: (key: string) => void;
}

/**
 * The API's progress rows as a table. Every number cell holds the API's exact value in `data-value` and shows it
 * formatted for the language, so that a test (or a reader) can check one against the other.
 */
export function ProgressTable({ report, highlighted, onHighlight }: Props) {
  const { t, locale } = useI18n();
  const p = t.progress;
  const number = (testId: string, value: number, text: string) => (
    <td className="progress-table__num" data-testid={testId} data-value={value}>
      {text}
    </td>
  );
  return (
    <div className="progress-table__scroll">
      <table className="progress-table">
        <caption className="visually-hidden">{p.table}</caption>
        <thead>
          <tr>
            <th scope="col">{p.utility}</th>
            <th scope="col">{p.found}</th>
            <th scope="col">{p.shutDown}</th>
            <th scope="col">{p.licensedAfter}</th>
            <th scope="col">{p.loadRemoved}</th>
            <th scope="col">{p.stillDrawing}</th>
            <th scope="col">{p.shareDone}</th>
            <th scope="col">{p.onTrack}</th>
          </tr>
        </thead>
        <tbody>
          {report.utilities.map((row: Row) => {
            const key = rowKey(row);
            return (
              <tr
                key={key}
                data-testid={`progress-row-${key}`}
                className={highlighted === key ? 'progress-table__row--highlighted' : undefined}
                onMouseEnter={() => onHighlight(key)}
              >
                <th scope="row" className="progress-table__name" data-testid="progress-name">
                  {localName(row, locale)}
                </th>
                {number('progress-found', row.found, formatCount(locale, row.found))}
                {number('progress-shutdown', row.shutDown, formatCount(locale, row.shutDown))}
                {number('progress-licensed', row.licensedAfter, formatCount(locale, row.licensedAfter))}
                {number('progress-removed', row.loadRemovedMw, formatMw(locale, row.loadRemovedMw))}
                {number('progress-drawing', row.loadStillDrawingMw, formatMw(locale, row.loadStillDrawingMw))}
                <td className="progress-table__share" data-testid="progress-share" data-value={row.shareDone}>
                  <svg width="44" height="8" aria-hidden="true" className="progress-table__bar">
                    <rect width="44" height="8" rx="2" fill="#e6e6e6" />
                    <rect
                      width={44 * Math.min(1, Math.max(0, row.found === 0 ? 0 : row.shareDone))}
                      height="8"
                      rx="2"
                      fill="#1f5fa8"
                    />
                    <line
                      x1={44 * report.elapsedShare}
                      x2={44 * report.elapsedShare}
                      y1="0"
                      y2="8"
                      stroke="#111"
                    />
                  </svg>
                  <span>{row.found === 0 ? '—' : formatShare(locale, row.shareDone)}</span>
                </td>
                {row.found === 0 ? (
                  // The API's share of 1 means "nothing to do"; a utility that found nothing is not shown as
                  // on track but as what it is (docs/reports.md, the overview's pace).
                  <td
                    className="progress-table__track progress-table__track--nothing"
                    data-testid="progress-ontrack"
                    data-value={String(row.onTrack)}
                    data-nothing-found="true"
                  >
                    {p.nothingFound}
                  </td>
                ) : (
                  <td
                    className={`progress-table__track progress-table__track--${row.onTrack ? 'yes' : 'no'}`}
                    data-testid="progress-ontrack"
                    data-value={String(row.onTrack)}
                  >
                    <span aria-hidden="true">{row.onTrack ? '✓' : '✗'}</span> {row.onTrack ? p.yes : p.no}
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
