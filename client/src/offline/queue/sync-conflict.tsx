import { useState } from 'react';
import { createPortal } from 'react-dom';
import type { ApiClient } from '../../api';
import { fill, useI18n } from '../../i18n';
import { useFeature } from '../../panels/use-feature';
import { queryKey } from '../../server-state/query-keys';
import { useApiQuery } from '../../server-state/use-api-query';
import { formatInstant } from '../../time/format-time';
import { Modal } from '../../users/modal';
import { dropChange, keepMyChange } from './offline-queue';
import { keepMine, type QueuedChange } from './queue-rules';

interface Props {
  api: ApiClient;
  change: QueuedChange;
  onClose: () => void;
  /** After "keep mine": the new change waits in the queue; send it. */
  onKept: () => void;
}

/**
 * A queued change that came back 409 (the site changed since it was made): the crew's change beside the server's
 * current status and who set it when, and the two ways out. Nothing happens to the change until the crew chooses.
 */
export function SyncConflict({ api, change, onClose, onKept }: Props) {
  const { t } = useI18n();
  const q = t.queue;
  const [busy, setBusy] = useState(false);
  const site = useFeature(api, 'sites', change.siteId);
  const history = useApiQuery(queryKey('site-history', change.siteId), (signal) =>
    api.history(change.siteId, signal),
  );
  const current = site.state === 'loaded' && site.selected.layer === 'sites' ? site.selected.feature : null;
  const last = history.data?.[0] ?? null;
  const check = current
    ? keepMine(change, { status: current.properties.status, version: current.properties.version }, '', 0)
    : null;

  const keep = () => {
    if (!current) return;
    setBusy(true);
    void keepMyChange(change, {
      status: current.properties.status,
      version: current.properties.version,
    }).then((kept) => {
      if (kept.ok) onKept();
      onClose();
    });
  };
  const drop = () => {
    setBusy(true);
    void dropChange(change.id).then(onClose);
  };

  // Over the whole page: it is opened from inside the map's overlays, whose stacking would put the sheets above it.
  return createPortal(
    <Modal title={q.conflictTitle} testId="sync-conflict" onClose={onClose} wide>
      <p className="panel-note">{q.conflictExplain}</p>
      <div className="sync-conflict__sides">
        <section className="sync-conflict__side" data-testid="sync-conflict-mine">
          <h3 className="panel-section__title">{q.mine}</h3>
          <p className="sync-conflict__status">
            {change.siteName}: {t.statuses[change.fromStatus]} → <strong>{t.statuses[change.status]}</strong>
          </p>
          <p className="sync-conflict__note">{change.note}</p>
          <p className="panel-note">{fill(q.observed, { at: formatInstant(change.observedAt) })}</p>
          {change.photos.length > 0 && (
            <p className="panel-note">{fill(q.photos, { count: change.photos.length })}</p>
          )}
        </section>
        <section className="sync-conflict__side" data-testid="sync-conflict-theirs" aria-busy={!current}>
          <h3 className="panel-section__title">{q.theirs}</h3>
          {site.state === 'failed' && <p className="panel-note panel-note--error">{site.error.message}</p>}
          {current && (
            <p className="sync-conflict__status">
              <strong data-testid="sync-conflict-current" data-status={current.properties.status}>
                {t.statuses[current.properties.status]}
              </strong>
            </p>
          )}
          {last && (
            <>
              <p className="panel-note">
                {fill(q.lastChange, {
                  status: t.statuses[last.toStatus],
                  at: formatInstant(last.at),
                  who: last.username,
                })}
              </p>
              <p className="sync-conflict__note">{last.note}</p>
            </>
          )}
        </section>
      </div>
      {current && check && !check.ok && (
        <p className="panel-note" data-testid="sync-conflict-why">
          {check.reason === 'SAME_STATUS'
            ? q.sameStatus
            : fill(q.notAllowed, { status: t.statuses[current.properties.status] })}
        </p>
      )}
      <div className="sync-conflict__actions">
        <button
          type="button"
          className="button button--primary"
          data-testid="sync-conflict-keep"
          disabled={busy || !check?.ok || !current}
          onClick={keep}
        >
          {fill(q.keepMine, { status: current ? t.statuses[current.properties.status] : '…' })}
        </button>
        <button
          type="button"
          className="button"
          data-testid="sync-conflict-drop"
          disabled={busy}
          onClick={drop}
        >
          {q.dropMine}
        </button>
        <button type="button" className="button" onClick={onClose}>
          {q.later}
        </button>
      </div>
    </Modal>,
    document.body,
  );
}
