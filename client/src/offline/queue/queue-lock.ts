/**
 * One hand on the queue at a time, across the page's tabs and the service worker's Background Sync: a sync run,
 * or the crew's edit or withdrawal of a waiting change (so a change is never sent while it is being edited, nor
 * edited while it is on the way). The Web Locks API (`navigator.locks`) is shared by the windows and the workers
 * of an origin; without it (an old browser) there is only the page, which runs one sync at a time itself.
 */
const QUEUE_LOCK = 'gridwatch-queue';

interface Locks {
  request<T>(name: string, options: { ifAvailable: true }, work: (lock: unknown) => Promise<T>): Promise<T>;
}

const locks = (): Locks | undefined => (globalThis.navigator as { locks?: Locks } | undefined)?.locks;

/** Runs `work` holding the queue, or answers null at once when another run or edit holds it. */
export async function ifQueueFree<T>(work: () => Promise<T>): Promise<T | null> {
  const api = locks();
  if (!api) return work();
  return api.request(QUEUE_LOCK, { ifAvailable: true }, (lock) =>
    lock === null ? Promise.resolve(null) : work(),
  );
}
