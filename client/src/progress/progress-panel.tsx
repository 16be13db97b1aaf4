import { useState } from 'react';
import type { ApiClient } from '../api';
import { fill, useI18n } from '../i18n';
import { useApiQuery } from '../server-state/use-api-query';
import { queryKey } from '../server-state/query-keys';
import { CAMPAIGN } from '@gridwatch/contract';
import { ProgressChart } from './progress-chart';
import { formatDay, formatShare } from './progress-format';
import { ProgressTable } from './progress-table';
import './progress.css';

interface Props {
  api: ApiClient;
  /** The day the records are read as of (YYYY-MM-DD, Beijing time): the as-of date control drives it. */
  asOf: string;
  onClose: () => void;
}

/** Progress of each utility against the campaign's deadline, as the API reports it, and its course over time. */
export function ProgressPanel({ api, asOf, onClose }: Props) {
  const { t, locale } = useI18n();
  const p = t.progress;
  const [highlighted, setHighlighted] = useState<string | null>(null);
  const query = { ...CAMPAIGN, asOf };
  const report = useApiQuery(queryKey('progress-report', query), (signal) =>
    api.progressReport(query, signal),
  );
  const series = useApiQuery(queryKey('progress-series', query), (signal) =>
    api.progressSeries(query, signal),
  );
  const error = report.error ?? series.error;
  return (
    <section
      className="report-panel"
      data-testid="report-progress"
      data-as-of={asOf}
      aria-labelledby="report-progress-title"
      aria-busy={report.loading || series.loading}
    >
      <header className="floating-panel__header">
        <div>
          <h2 id="report-progress-title" className="feature-details__title">
            {p.title}
          </h2>
          <p className="panel-note" data-testid="progress-subtitle">
            {fill(p.subtitle, {
              start: formatDay(locale, CAMPAIGN.start),
              deadline: formatDay(locale, CAMPAIGN.deadline),
              asOf: formatDay(locale, asOf),
            })}
          </p>
        </div>
        <button type="button" className="floating-panel__close" aria-label={p.close} onClick={onClose}>
          ×
        </button>
      </header>
      {error && (
        <p className="panel-note panel-note--error" role="alert">
          {fill(t.loadFailed, { what: p.title, message: error.message })}
        </p>
      )}
      {!report.data && report.loading && <p className="panel-note">{t.loading}</p>}
      {report.data && (
        <>
          <p className="panel-note" data-testid="progress-elapsed" data-value={report.data.elapsedShare}>
            {fill(p.elapsed, { share: formatShare(locale, report.data.elapsedShare) })}
          </p>
          <ProgressTable report={report.data} highlighted={highlighted} onHighlight={setHighlighted} />
        </>
      )}
      {series.data && (
        <ProgressChart series={series.data} highlighted={highlighted} onHighlight={setHighlighted} />
      )}
    </section>
  );
}
