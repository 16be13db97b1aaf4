import { useState } from 'react';
import type { ApiClient } from '../../api';
import { fill, useI18n } from '../../i18n';
import { formatInstant } from '../../time/format-time';
import { EditPending } from './edit-pending';
import { dropChange, useSyncing } from './offline-queue';
import { canEdit, type QueuedChange } from './queue-rules';
import { SyncConflict } from './sync-conflict';
import { useSendQueue } from './use-queue-sync';

/**
 * In the site's panel, the change of this site waiting in the queue ("pending: shut down, recorded 14:03, not
 * sent"), or come back as a conflict or refused, with the way to resolve it. The status form waits for it.
 */
export function SitePending({ api, change }: { api: ApiClient; change: QueuedChange }) {
  const { t } = useI18n();
  const q = t.queue;
  const [resolving, setResolving] = useState(false);
  const [editing, setEditing] = useState(false);
  const syncing = useSyncing();
  const send = useSendQueue(api, change.username);
  const values = { to: t.statuses[change.status], at: formatInstant(change.observedAt) };
  return (
    <section
      className={`site-pending site-pending--${change.state}`}
      data-testid="site-pending"
      data-state={change.state}
      data-change-id={change.id}
      role="status"
    >
      <p>
        {change.state === 'pending'
          ? fill(q.sitePending, values)
          : change.state === 'conflict'
            ? fill(q.siteConflict, values)
            : fill(q.siteRejected, { ...values, message: change.problem ?? '' })}
      </p>
      <p className="site-pending__note" data-testid="site-pending-note">
        {change.note}
      </p>
      {change.photos.length > 0 && (
        <p className="panel-note" data-testid="site-pending-photos">
          {fill(q.photos, { count: change.photos.length })}
        </p>
      )}
      <p className="panel-note">{q.waitForIt}</p>
      {canEdit(change) &&
        (editing ? (
          <EditPending key={change.id} change={change} onDone={() => setEditing(false)} />
        ) : (
          // Not while a run is sending: the change may be on its way (queue-lock.ts keeps it so in any case).
          <button
            type="button"
            className="button"
            data-testid="pending-edit"
            disabled={syncing}
            onClick={() => setEditing(true)}
          >
            {q.edit}
          </button>
        ))}
      {change.state === 'pending' && !canEdit(change) && <p className="panel-note">{q.maybeSent}</p>}
      {change.state === 'conflict' && (
        <button type="button" className="button button--primary" onClick={() => setResolving(true)}>
          {q.resolve}
        </button>
      )}
      {change.state === 'rejected' && (
        <button type="button" className="button" onClick={() => void dropChange(change.id)}>
          {q.drop}
        </button>
      )}
      {resolving && (
        <SyncConflict api={api} change={change} onClose={() => setResolving(false)} onKept={send} />
      )}
    </section>
  );
}
