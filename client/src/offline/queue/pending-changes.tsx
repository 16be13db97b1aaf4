import { useState } from 'react';
import type { ApiClient } from '../../api';
import { fill, useI18n } from '../../i18n';
import { formatInstant } from '../../time/format-time';
import { dropChange, useMyQueue, useSyncing } from './offline-queue';
import { queueCounts, type QueuedChange } from './queue-rules';
import { SyncConflict } from './sync-conflict';
import { useQueueSync } from './use-queue-sync';
import './pending-changes.css';

/**
 * The changes recorded on this device and not sent yet, over the map (test id `pending-changes`): how many, which,
 * in what state, "send now", and the way to each conflict. Also what sends the queue (use-queue-sync.ts), so it is
 * mounted for every user who may change statuses, shown only while something waits.
 */
export function PendingChanges({ api, username }: { api: ApiClient; username: string }) {
  const { t } = useI18n();
  const q = t.queue;
  const send = useQueueSync(api, username);
  const changes = useMyQueue(username);
  const syncing = useSyncing();
  const [open, setOpen] = useState(false);
  const [resolving, setResolving] = useState<QueuedChange | null>(null);
  if (changes.length === 0) return null;
  const counts = queueCounts(changes);
  const needsCrew = counts.conflicts + counts.rejected > 0;
  return (
    <section
      className={`pending-changes${needsCrew ? ' pending-changes--attention' : ''}`}
      data-testid="pending-changes"
      data-count={counts.total}
      aria-label={q.title}
    >
      <button
        type="button"
        className="pending-changes__toggle"
        data-testid="pending-changes-toggle"
        aria-expanded={open || needsCrew}
        onClick={() => setOpen(!open)}
      >
        <span className="pending-changes__dot" aria-hidden="true" />
        {fill(q.summary, { count: counts.total })}
        {counts.conflicts > 0 && <> · {fill(q.conflicts, { count: counts.conflicts })}</>}
        {counts.rejected > 0 && <> · {fill(q.rejected, { count: counts.rejected })}</>}
      </button>
      {(open || needsCrew) && (
        <div className="pending-changes__body">
          <ol className="pending-changes__list">
            {changes.map((c) => (
              <li key={c.id} data-change-id={c.id} data-site-id={c.siteId} data-state={c.state}>
                <span>
                  {fill(q.item, {
                    site: c.siteName,
                    to: t.statuses[c.status],
                    at: formatInstant(c.observedAt),
                  })}
                </span>{' '}
                <span className={`pending-changes__state pending-changes__state--${c.state}`}>
                  {c.state === 'pending'
                    ? syncing
                      ? q.sending
                      : q.pending
                    : c.state === 'conflict'
                      ? q.conflict
                      : fill(q.refused, { message: c.problem ?? '' })}
                </span>
                {c.state === 'conflict' && (
                  <button
                    type="button"
                    className="button button--small"
                    data-testid="pending-resolve"
                    onClick={() => setResolving(c)}
                  >
                    {q.resolve}
                  </button>
                )}
                {c.state === 'rejected' && (
                  <button
                    type="button"
                    className="button button--small"
                    data-testid="pending-drop"
                    onClick={() => void dropChange(c.id)}
                  >
                    {q.drop}
                  </button>
                )}
              </li>
            ))}
          </ol>
          {counts.pending > 0 && (
            <div className="pending-changes__actions">
              <button
                type="button"
                className="button button--small"
                data-testid="pending-send"
                disabled={syncing}
                onClick={send}
              >
                {syncing ? q.sending : q.sendNow}
              </button>
              {!navigator.onLine && <span className="panel-note">{q.offline}</span>}
            </div>
          )}
        </div>
      )}
      {resolving && (
        <SyncConflict api={api} change={resolving} onClose={() => setResolving(null)} onKept={send} />
      )}
    </section>
  );
}
