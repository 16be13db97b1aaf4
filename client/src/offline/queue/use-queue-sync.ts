import { useCallback, useEffect } from 'react';
import type { ApiClient } from '../../api';
import { useDataWritten } from '../../server-state/use-data-written';
import { reloadQueue, syncNow } from './offline-queue';

/** Sends the queue now ("send now", after "keep mine"); what was sent or came back makes the sites stale. */
export function useSendQueue(api: ApiClient, username: string | null): () => void {
  const written = useDataWritten();
  return useCallback(() => {
    if (username === null) return;
    void syncNow(api, username).then((report) => {
      if (report && report.sent + report.conflicts + report.rejected > 0) written('sites');
    });
  }, [api, username, written]);
}

/**
 * Sends the queue when it can: at page open and whenever the browser says the network is back (`online`). Mounted
 * once (pending-changes.tsx); returns the way to send now.
 */
export function useQueueSync(api: ApiClient, username: string | null): () => void {
  const send = useSendQueue(api, username);
  useEffect(() => {
    // No IndexedDB (a private window that refuses it): nothing is queued, and a change is refused when recorded.
    void reloadQueue()
      .then(() => {
        if (navigator.onLine) send();
      })
      .catch(() => undefined);
    window.addEventListener('online', send);
    return () => window.removeEventListener('online', send);
  }, [send]);
  return send;
}
