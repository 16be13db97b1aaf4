import { useCallback, useMemo, useState } from 'react';
import type { ReportingPeriod } from '@gridwatch/contract';
import type { ApiClient } from '../api';
import { useSessionUser } from '../app-state';
import { fill, useI18n } from '../i18n';
import { queryKey } from '../server-state/query-keys';
import { useApiQuery } from '../server-state/use-api-query';
import { periodLabel } from './report-format';
import { ReportView } from './report-view';
import { ReportsOverviewTable } from './reports-overview';
import { useReportWrites } from './use-report-writes';
import './reports.css';

interface Props {
  api: ApiClient;
  onClose: () => void;
}

/** The latest period that has ended (reports open after their period), else the first. */
function defaultPeriod(periods: ReportingPeriod[], now: number): string | null {
  const ended = periods.filter((p) => p.period !== 'final' && Date.parse(p.opensAt) <= now);
  return (ended.at(-1) ?? periods[0])?.period ?? null;
}

/**
 * The periodic reports (issue 12): a utility's users see their own utility's report for a period and its
 * revisions, and its enforcers open, write and submit it; the regulator's users see every utility's standing
 * for the period (the overview) and open a report to review it.
 */
export function ReportsPanel({ api, onClose }: Props) {
  const { t, locale } = useI18n();
  const r = t.reports;
  const { user, permissions } = useSessionUser();
  const utilityId = user?.utilityId ?? null;
  const [chosenPeriod, setPeriod] = useState<string | null>(null);
  const [shown, setShown] = useState<number | null>(null);
  const [openedAt] = useState(() => Date.now());
  const periods = useApiQuery(queryKey('report-periods'), (signal) => api.reportPeriods(signal));
  const period = chosenPeriod ?? (periods.data ? defaultPeriod(periods.data.periods, openedAt) : null);
  const listQuery = useMemo(
    () => (period === null ? null : { period, ...(utilityId === null ? {} : { utilityId }) }),
    [period, utilityId],
  );
  const list = useApiQuery(listQuery && queryKey('reports', listQuery), (signal) =>
    api.reports(listQuery!, signal),
  );
  const overview = useApiQuery(
    period !== null && utilityId === null ? queryKey('reports-overview', period) : null,
    (signal) => api.reportsOverview(period!, signal),
  );
  // A utility's user sees its latest revision unless another is chosen.
  const own = list.data?.filter((s) => s.utilityId === utilityId) ?? [];
  const latestOwn = own.reduce<(typeof own)[number] | null>(
    (a, b) => (a === null || b.revision > a.revision ? b : a),
    null,
  );
  const shownId = shown ?? (utilityId !== null ? (latestOwn?.id ?? null) : null);
  const report = useApiQuery(shownId === null ? null : queryKey('report', shownId), (signal) =>
    api.report(shownId!, signal),
  );
  const opening = useReportWrites(useCallback((next) => setShown(next.id), []));
  const canOpen =
    permissions.writeReports &&
    period !== null &&
    list.data !== null &&
    (latestOwn === null || latestOwn.state === 'returned');
  const finalLabel = r.finalPeriod;

  return (
    <section
      className="report-panel reports-panel"
      data-testid="reports-panel"
      aria-labelledby="reports-title"
    >
      <header className="floating-panel__header">
        <div>
          <h2 id="reports-title" className="feature-details__title">
            {r.title}
          </h2>
          <p className="panel-note" data-testid="reports-organisation">
            {utilityId === null
              ? r.regulator
              : fill(r.utilityOf, {
                  name: (locale === 'zh' ? user?.utilityNameZh : user?.utilityName) ?? '',
                })}
          </p>
        </div>
        <button type="button" className="floating-panel__close" aria-label={r.close} onClick={onClose}>
          ×
        </button>
      </header>
      {periods.error && (
        <p className="panel-note panel-note--error" role="alert">
          {fill(t.loadFailed, { what: r.title, message: periods.error.message })}
        </p>
      )}
      {periods.data && (
        <label className="report-field report-field--inline">
          <span>{r.period}</span>
          <select
            data-testid="report-period"
            value={period ?? ''}
            onChange={(e) => {
              setPeriod(e.target.value);
              setShown(null);
            }}
          >
            {periods.data.periods.map((p) => (
              <option key={p.period} value={p.period}>
                {periodLabel(p.period, locale, finalLabel)}
              </option>
            ))}
          </select>
        </label>
      )}
      {utilityId === null && overview.data && (
        <ReportsOverviewTable
          overview={overview.data}
          reports={list.data ?? []}
          selected={shownId}
          onOpen={setShown}
        />
      )}
      {utilityId !== null && list.data && latestOwn === null && (
        <p className="panel-note" data-testid="report-none">
          {fill(r.none, { period: periodLabel(period ?? '', locale, finalLabel) })}
        </p>
      )}
      {canOpen && (
        <button
          type="button"
          className="button button--primary"
          data-testid="report-open"
          disabled={opening.busy}
          onClick={() => void opening.run(() => api.openReport(period!))}
        >
          {latestOwn === null
            ? fill(r.open, { period: periodLabel(period!, locale, finalLabel) })
            : fill(r.revise, { n: latestOwn.revision + 1 })}
        </button>
      )}
      {opening.error && (
        <p className="panel-note panel-note--error" role="alert">
          {opening.error}
        </p>
      )}
      {report.error && (
        <p className="panel-note panel-note--error" role="alert">
          {fill(t.loadFailed, { what: r.title, message: report.error.message })}
        </p>
      )}
      {report.data && report.data.id === shownId && (
        <ReportView
          key={`${report.data.id}:${report.data.version}`}
          api={api}
          report={report.data}
          permissions={permissions}
          onShow={setShown}
        />
      )}
    </section>
  );
}
