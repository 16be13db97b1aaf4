import { useState } from 'react';
import type { ApiClient } from '../../api';
import { fill, useI18n } from '../../i18n';
import { formatInstant } from '../../time/format-time';
import { dropChange } from './offline-queue';
import type { QueuedChange } from './queue-rules';
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
  const send = useSendQueue(api, change.username);
  const values = { to: t.statuses[change.status], at: formatInstant(change.observedAt) };
  return (
    <section
      className={`site-pending site-pending--${change.state}`}
      data-testid="site-pending"
      data-state={change.state}
      role="status"
    >
      <p>
        {change.state === 'pending'
          ? fill(q.sitePending, values)
          : change.state === 'conflict'
            ? fill(q.siteConflict, values)
            : fill(q.siteRejected, { ...values, message: change.problem ?? '' })}
      </p>
      <p className="site-pending__note">{change.note}</p>
      {change.photos.length > 0 && (
        <p className="panel-note">{fill(q.photos, { count: change.photos.length })}</p>
      )}
      <p className="panel-note">{q.waitForIt}</p>
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
