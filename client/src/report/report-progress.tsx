import type { ProgressReport } from '../api';
import { fill, useI18n } from '../i18n';
import type { QueryState } from '../server-state/use-api-query';
import { CAMPAIGN } from '@gridwatch/contract';
import { formatDay, formatShare } from '../progress/progress-format';
import { ProgressTable } from '../progress/progress-table';

const noHighlight = () => undefined;

/** The progress panel's table at the report's day, without its chart (a line per utility needs the screen). */
export function ReportProgress({ progress, asOf }: { progress: QueryState<ProgressReport>; asOf: string }) {
  const { t, locale } = useI18n();
  const p = t.progress;
  return (
    <section className="report-section report-section--new-page" aria-labelledby="report-progress-title">
      <h2 id="report-progress-title" className="report-section__title">
        {p.title}
      </h2>
      <p className="report-note">
        {fill(p.subtitle, {
          start: formatDay(locale, CAMPAIGN.start),
          deadline: formatDay(locale, CAMPAIGN.deadline),
          asOf: formatDay(locale, asOf),
        })}
      </p>
      {progress.error && (
        <p className="panel-note panel-note--error" role="alert">
          {fill(t.loadFailed, { what: p.title, message: progress.error.message })}
        </p>
      )}
      {progress.data && (
        <>
          <p className="report-note">
            {fill(p.elapsed, { share: formatShare(locale, progress.data.elapsedShare) })}
          </p>
          <ProgressTable report={progress.data} highlighted={null} onHighlight={noHighlight} />
        </>
      )}
    </section>
  );
}
