import type { StatusChangeBody } from '@gridwatch/contract';
import {
  changeBody,
  classifyFailure,
  nextToSend,
  photosToUpload,
  withFreshUploads,
  type Failure,
  type QueuedChange,
  type QueuedPhoto,
} from './queue-rules';

/** Where the queue is kept (IndexedDB in the browser: queue-db.ts). */
export interface QueueStorage<B> {
  all(): Promise<QueuedChange<B>[]>;
  put(entry: QueuedChange<B>): Promise<void>;
  delete(id: string): Promise<void>;
  /** Replaces one change by another in one step, so that a change is never lost between the two. */
  replace(oldId: string, entry: QueuedChange<B>): Promise<void>;
}

/** The two calls a change needs; a failure is thrown as something `toFailure` reads. */
export interface Sender<B> {
  upload(photo: QueuedPhoto<B>): Promise<number>;
  change(siteId: number, body: StatusChangeBody, idempotencyKey: string): Promise<void>;
  toFailure(error: unknown): Failure;
  newId(): string;
}

export interface SyncReport {
  sent: number;
  conflicts: number;
  rejected: number;
  /** Stopped at a change that stays queued (no network, a server error, no session). */
  stopped: boolean;
}

/**
 * Sends this user's waiting changes one by one, oldest first: each one's photos are uploaded (their ids stored as
 * they come, so a cut run does not upload them again), then the change, under its own key. A change that got an
 * answer leaves the queue (sent) or waits for the crew (conflict, rejected) and the next is sent; no answer stops
 * the run with everything left queued as it was.
 */
export async function syncQueue<B>(
  storage: QueueStorage<B>,
  sender: Sender<B>,
  username: string,
): Promise<SyncReport> {
  const report: SyncReport = { sent: 0, conflicts: 0, rejected: 0, stopped: false };
  const tried = new Set<string>();
  // Uploads are made again at most once per change and run: a purge cannot loop.
  const reuploaded = new Set<string>();
  for (;;) {
    let entry = nextToSend(await storage.all(), username, tried);
    if (!entry) return report;
    tried.add(entry.id);
    // Whether the change itself went out: with no answer to it, it may be recorded (queue-rules.ts `canEdit`).
    let sending = false;
    try {
      for (const index of photosToUpload(entry)) {
        const attachmentId = await sender.upload(entry.photos[index]!);
        const photos: QueuedPhoto<B>[] = entry.photos.map((p, i) =>
          i === index ? { ...p, attachmentId } : p,
        );
        entry = { ...entry, photos };
        await storage.put(entry);
      }
      sending = true;
      await sender.change(entry.siteId, changeBody(entry), entry.id);
      await storage.delete(entry.id);
      report.sent++;
    } catch (error) {
      const outcome = classifyFailure(sender.toFailure(error));
      if (outcome.kind === 'retry') {
        if (sending && entry.attempted !== true) await storage.put({ ...entry, attempted: true });
        return { ...report, stopped: true };
      }
      if (outcome.kind === 'conflict') {
        await storage.put({ ...entry, state: 'conflict' });
        report.conflicts++;
      } else if (outcome.kind === 'reupload' && !reuploaded.has(entry.id)) {
        const fresh = withFreshUploads(entry, sender.newId());
        reuploaded.add(fresh.id);
        await storage.replace(entry.id, fresh);
      } else {
        const message = outcome.kind === 'rejected' ? outcome.message : sender.toFailure(error).message;
        await storage.put({ ...entry, state: 'rejected', problem: message });
        report.rejected++;
      }
    }
  }
}
