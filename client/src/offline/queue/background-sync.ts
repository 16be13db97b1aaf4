import { syncQueue, type QueueStorage, type Sender, type SyncReport } from './sync';

/**
 * Background Sync (docs/offline.md, "Who sends it"): the page asks for the tag when it queues a change; the browser
 * wakes the service worker with a `sync` event when it has a network (even with the app closed), and the worker
 * sends the queue with the page's own code (sync.ts, fetch-sender.ts, queue-db.ts) and tells the open pages.
 */
export const SYNC_TAG = 'gridwatch-queue';
/** The BroadcastChannel on which the worker tells the open pages that the queue changed. */
export const QUEUE_CHANNEL = 'gridwatch-queue';

export interface QueueMessage {
  type: 'queue-synced';
  report: SyncReport;
}

export interface WorkerSync<B> {
  /** The session's user (`/api/auth/me`), null without a session: only their own changes are sent. */
  whoAmI(): Promise<string | null>;
  storage: QueueStorage<B>;
  sender: Sender<B>;
  /** Runs the work holding the queue, null when the page is sending it (queue-lock.ts). */
  hold(work: () => Promise<SyncReport>): Promise<SyncReport | null>;
  announce(message: QueueMessage): void;
}

/**
 * The worker's `sync` handler. It throws when the run stopped for want of a network or a server, which tells the
 * browser to try again later (its own back-off); a conflict or a refusal is recorded for the crew, as the page does.
 */
export async function backgroundSync<B>(deps: WorkerSync<B>): Promise<SyncReport | null> {
  const username = await deps.whoAmI();
  // No session (logged out, expired): the changes wait for their user to open the app.
  if (username === null) return null;
  const report = await deps.hold(() => syncQueue(deps.storage, deps.sender, username));
  if (report === null) return null;
  if (report.sent + report.conflicts + report.rejected > 0) deps.announce({ type: 'queue-synced', report });
  if (report.stopped) throw new Error('the queue could not be sent: the browser tries again later');
  return report;
}

interface SyncRegistration {
  sync?: { register(tag: string): Promise<void>; getTags(): Promise<string[]> };
}

/**
 * Asks the browser to wake the worker with SYNC_TAG once it has a network. False where there is no Background Sync
 * (Firefox, Safari) or no worker (development): the page's own sending (use-queue-sync.ts) is then all there is.
 */
export async function askBackgroundSync(): Promise<boolean> {
  if (typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return false;
  const registration = (await navigator.serviceWorker.getRegistration()) as SyncRegistration | undefined;
  if (!registration?.sync) return false;
  try {
    await registration.sync.register(SYNC_TAG);
    return true;
  } catch {
    // Refused (e.g. the permission denied): the page sends it.
    return false;
  }
}
