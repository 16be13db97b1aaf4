import { useState } from 'react';
import { EVIDENCE_ACCEPT, FIGURE_NAMES, type ReportOut } from '@gridwatch/contract';
import { reportPdfPath, type ApiClient } from '../api';
import type { Permissions } from '../auth/permissions';
import { fill, useI18n } from '../i18n';
import { formatMw } from '../progress/progress-format';
import { DiscrepancyList } from './discrepancy-list';
import { formatInstant } from '../time/format-time';
import { useReportWrites } from './use-report-writes';

interface Props {
  api: ApiClient;
  report: ReportOut;
  permissions: Permissions;
  /** Another revision, or the one a write made, becomes the one shown. */
  onShow: (id: number) => void;
}

/**
 * One revision of a utility's report (keyed by id and version where it is shown, so a new revision or a write
 * starts it afresh with the stored text): its state, the figures, the narrative and attachments (editable while a
 * draft, by the utility's enforcers), the submission with its hash and PDF, the regulator's review, the
 * discrepancies with the records now, and the other revisions.
 */
export function ReportView({ api, report, permissions, onShow }: Props) {
  const { t, locale } = useI18n();
  const r = t.reports;
  const [narrative, setNarrative] = useState(report.narrative);
  const [comment, setComment] = useState('');
  const { busy, error, run } = useReportWrites((next) => {
    setComment('');
    onShow(next.id);
  });

  const editable = report.state === 'draft' && permissions.writeReports;
  const reviewable = report.state === 'submitted' && permissions.reviewReports;
  const dirty = narrative !== report.narrative;
  const save = (version: number) => api.updateReport(report.id, { narrative, version });
  const figures = report.content.figures;

  return (
    <article
      className="report-view"
      data-testid="report-view"
      data-report-id={report.id}
      data-version={report.version}
    >
      <p
        className={`report-status report-status--${report.state}`}
        data-testid="report-status"
        data-state={report.state}
        data-revision={report.revision}
      >
        <strong>{r.states[report.state]}</strong> · {fill(r.revision, { n: report.revision })}
        {report.submittedAt && (
          <>
            {' · '}
            {fill(r.submittedAt, { at: formatInstant(report.submittedAt), by: report.submittedBy ?? '' })}
            {report.daysLate !== null &&
              report.daysLate > 0 &&
              ` · ${fill(r.daysLate, { n: report.daysLate })}`}
          </>
        )}
      </p>
      <p className="panel-note">{fill(r.due, { at: formatInstant(report.dueAt) })}</p>
      {report.sha256 && (
        <p className="panel-note report-hash">
          SHA-256 <code data-testid="report-sha256">{report.sha256}</code>{' '}
          <a className="button" data-testid="report-pdf" href={reportPdfPath(report.id)} download>
            {r.pdf}
          </a>
        </p>
      )}
      {report.reviewComment && (
        <p className="panel-note" data-testid="report-review-said">
          {fill(r.reviewSaid, {
            by: report.reviewedBy ?? '',
            at: report.reviewedAt ? formatInstant(report.reviewedAt) : '',
          })}{' '}
          <q>{report.reviewComment}</q>
        </p>
      )}

      <table className="report-figures">
        <caption>{fill(r.figuresAsOf, { at: formatInstant(report.content.asOf) })}</caption>
        <tbody>
          {FIGURE_NAMES.map((name) => (
            <tr key={name}>
              <th scope="row">{r.figures[name]}</th>
              <td data-testid={`report-figure-${name}`} data-value={figures[name]}>
                {name.endsWith('Mw') ? formatMw(locale, figures[name]) : figures[name]}
              </td>
            </tr>
          ))}
          <tr>
            <th scope="row">{r.changes}</th>
            <td>{report.content.changes.length}</td>
          </tr>
        </tbody>
      </table>

      <label className="report-field">
        <span>{r.narrative}</span>
        {editable ? (
          <textarea
            data-testid="report-narrative"
            value={narrative}
            rows={6}
            maxLength={20_000}
            onChange={(e) => setNarrative(e.target.value)}
          />
        ) : (
          <p className="report-narrative" data-testid="report-narrative-text">
            {report.narrative || r.noNarrative}
          </p>
        )}
      </label>

      <section aria-label={r.attachments}>
        <h3 className="panel-section__title">{r.attachments}</h3>
        {report.attachments.length === 0 && <p className="panel-note">{r.noAttachments}</p>}
        <ul className="report-attachments" data-testid="report-attachments">
          {report.attachments.map((a) => (
            <li key={a.id}>
              <a href={`/api/attachments/${a.id}`} download>
                {a.displayName}
              </a>{' '}
              <span className="panel-note">{fill(r.kilobytes, { n: Math.ceil(a.bytes / 1024) })}</span>
            </li>
          ))}
        </ul>
        {editable && (
          <label className="report-field">
            <span>{r.attach}</span>
            <input
              type="file"
              data-testid="report-attach"
              accept={EVIDENCE_ACCEPT}
              disabled={busy}
              onChange={(e) => {
                const file = e.target.files?.[0];
                e.target.value = '';
                if (!file) return;
                void run(async () => {
                  const uploaded = await api.uploadAttachment(file);
                  return api.updateReport(report.id, {
                    attachmentIds: [...report.attachments.map((a) => a.id), uploaded.id],
                    version: report.version,
                  });
                });
              }}
            />
          </label>
        )}
      </section>

      {editable && (
        <div className="report-actions">
          <button
            type="button"
            className="button"
            data-testid="report-save"
            disabled={busy || !dirty}
            onClick={() => void run(() => save(report.version))}
          >
            {r.save}
          </button>
          <button
            type="button"
            className="button button--primary"
            data-testid="report-submit"
            disabled={busy}
            onClick={() =>
              void run(async () => {
                const version = dirty ? (await save(report.version)).version : report.version;
                return api.submitReport(report.id, version);
              })
            }
          >
            {r.submit}
          </button>
          <p className="panel-note">{r.submitHint}</p>
        </div>
      )}

      {reviewable && (
        <div className="report-review">
          <label className="report-field">
            <span>{r.reviewComment}</span>
            <textarea
              data-testid="report-review-comment"
              value={comment}
              rows={3}
              maxLength={2000}
              onChange={(e) => setComment(e.target.value)}
            />
          </label>
          <div className="report-actions">
            <button
              type="button"
              className="button button--primary"
              data-testid="report-review-accept"
              disabled={busy}
              onClick={() =>
                void run(() =>
                  api.reviewReport(report.id, {
                    decision: 'accept',
                    ...(comment.trim() ? { comment } : {}),
                    version: report.version,
                  }),
                )
              }
            >
              {r.accept}
            </button>
            <button
              type="button"
              className="button"
              data-testid="report-review-return"
              disabled={busy || !comment.trim()}
              title={comment.trim() ? undefined : r.returnNeedsComment}
              onClick={() =>
                void run(() =>
                  api.reviewReport(report.id, { decision: 'return', comment, version: report.version }),
                )
              }
            >
              {r.return}
            </button>
          </div>
        </div>
      )}
      {error && (
        <p className="panel-note panel-note--error" role="alert" data-testid="report-error">
          {error}
        </p>
      )}

      {report.state !== 'draft' && <DiscrepancyList discrepancies={report.discrepancies} />}

      {report.revisions.length > 1 && (
        <nav aria-label={r.revisions} className="report-revisions">
          <h3 className="panel-section__title">{r.revisions}</h3>
          <ul>
            {report.revisions.map((rev) => (
              <li key={rev.id}>
                <button
                  type="button"
                  className="link-button"
                  aria-current={rev.id === report.id ? 'true' : undefined}
                  data-testid="report-revision"
                  onClick={() => onShow(rev.id)}
                >
                  {fill(r.revision, { n: rev.revision })} · {r.states[rev.state]}
                  {rev.submittedAt ? ` · ${formatInstant(rev.submittedAt)}` : ''}
                </button>
              </li>
            ))}
          </ul>
        </nav>
      )}
    </article>
  );
}
