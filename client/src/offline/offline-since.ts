import { useEffect, useState } from 'react';

/**
 * Since when the app has been without the server (the `offline-status` banner): the browser's offline event, or
 * a request that found no network. Kept in sessionStorage so that a reload while offline keeps the first time.
 */
const SINCE_KEY = 'gridwatch.offline-since';
const listeners = new Set<() => void>();

const notify = () => listeners.forEach((l) => l());

export function noteOffline(at = new Date()): void {
  if (sessionStorage.getItem(SINCE_KEY)) return;
  sessionStorage.setItem(SINCE_KEY, at.toISOString());
  notify();
}

function noteOnline(): void {
  if (!sessionStorage.getItem(SINCE_KEY)) return;
  sessionStorage.removeItem(SINCE_KEY);
  notify();
}

/** Since when the app is offline (null: online), kept up to date by the browser's online/offline events. */
export function useOfflineSince(): Date | null {
  const read = () => {
    const since = sessionStorage.getItem(SINCE_KEY);
    return since ? new Date(since) : null;
  };
  const [since, setSince] = useState(read);
  useEffect(() => {
    const update = () => setSince(read());
    listeners.add(update);
    const offline = () => noteOffline();
    window.addEventListener('offline', offline);
    window.addEventListener('online', noteOnline);
    // Opened without a network (from the worker): offline since now, if not noted before the reload.
    if (!navigator.onLine) noteOffline();
    else noteOnline();
    return () => {
      listeners.delete(update);
      window.removeEventListener('offline', offline);
      window.removeEventListener('online', noteOnline);
    };
  }, []);
  return since;
}
