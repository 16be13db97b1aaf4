import { useCallback, useEffect } from 'react';
import type { ApiClient } from '../../api';
import { useDataWritten } from '../../server-state/use-data-written';
import { QUEUE_CHANNEL, type QueueMessage } from './background-sync';
import { reloadQueue, syncNow } from './offline-queue';

/** Sends the queue now ("send now", after "keep mine"); what was sent or came back makes the sites stale. */
export function useSendQueue(_api: ApiClient, username: string | null): () => void {
  const written = useDataWritten();
  return useCallback(() => {
    if (username === null) return;
    void syncNow(username).then((report) => {
      if (report && report.sent + report.conflicts + report.rejected > 0) written('sites');
    });
  }, [username, written]);
}

/**
 * Sends the queue when it can: at page open and whenever the browser says the network is back (`online`). Mounted
 * once (pending-changes.tsx); returns the way to send now.
 */
export function useQueueSync(api: ApiClient, username: string | null): () => void {
  const send = useSendQueue(api, username);
  const written = useDataWritten();
  useEffect(() => {
    // No IndexedDB (a private window that refuses it): nothing is queued, and a change is refused when recorded.
    void reloadQueue()
      .then(() => {
        if (navigator.onLine) send();
      })
      .catch(() => undefined);
    window.addEventListener('online', send);
    // The worker sent the queue (Background Sync): the list, the rings and the sites are read again.
    const channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(QUEUE_CHANNEL);
    if (channel)
      channel.onmessage = (event: MessageEvent<QueueMessage>) => {
        if (event.data.type !== 'queue-synced') return;
        void reloadQueue();
        written('sites');
      };
    return () => {
      window.removeEventListener('online', send);
      channel?.close();
    };
  }, [send, written]);
  return send;
}
