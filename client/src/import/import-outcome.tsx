import type { ImportResult, ImportRowProblem } from '../api';
import { fill, useI18n } from '../i18n';

export type Outcome =
  | { kind: 'counts'; dryRun: boolean; result: ImportResult }
  | { kind: 'bad-rows'; rows: ImportRowProblem[] }
  | { kind: 'failed'; message: string };

/** What the API answered: the counts of a check or an import, every bad row, or its refusal. */
export function ImportOutcome({ outcome }: { outcome: Outcome }) {
  const { t } = useI18n();
  const d = t.importDialog;
  if (outcome.kind === 'failed') {
    return (
      <p className="form__problem" role="alert" data-testid="import-error">
        {outcome.message}
      </p>
    );
  }
  if (outcome.kind === 'bad-rows') {
    return (
      <div data-testid="import-bad-rows" role="alert">
        <p className="form__problem">{fill(d.badRows, { count: outcome.rows.length })}</p>
        <table className="import-table">
          <thead>
            <tr>
              <th>{d.row}</th>
              <th>{d.externalId}</th>
              <th>{d.message}</th>
            </tr>
          </thead>
          <tbody>
            {outcome.rows.map((row) => (
              <tr key={row.index} data-index={row.index}>
                <td>{row.index}</td>
                <td>{row.externalId ?? t.none}</td>
                <td>{row.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    );
  }
  const { created, updated, unchanged } = outcome.result;
  return (
    <div data-testid="import-counts" data-dry-run={outcome.dryRun}>
      <p className="panel-note">{outcome.dryRun ? d.checked : d.imported}</p>
      <dl className="import-counts">
        {(
          [
            ['created', created],
            ['updated', updated],
            ['unchanged', unchanged],
          ] as const
        ).map(([key, value]) => (
          <div key={key}>
            <dt>{d[key]}</dt>
            <dd data-testid={`import-${key}`} data-value={value}>
              {value}
            </dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
