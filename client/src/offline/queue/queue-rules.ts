import type { Status, StatusChangeBody } from '@gridwatch/contract';
import { nextStatuses } from '../../enforcement/status-options';

/**
 * The offline queue's rules (docs/offline.md, "The queue and sync"): what a queued status change holds, the order it
 * is sent in, and what each answer of the server makes of it. No DOM, no IndexedDB, no HTTP: the storage is
 * queue-db.ts, the sending sync.ts.
 */

/** A photo waiting with its change: its bytes (a Blob in the browser) and, once uploaded, the server's id. */
export interface QueuedPhoto<B = Blob> {
  name: string;
  type: string;
  blob: B;
  attachmentId: number | null;
}

/**
 * - pending: waiting to be sent (or being sent);
 * - conflict: the server answered 409 VERSION_CONFLICT: someone changed the site since; the crew resolves it;
 * - rejected: the server refused it for another reason (its message in `problem`); the crew drops it.
 */
export type QueueState = 'pending' | 'conflict' | 'rejected';

export interface QueuedChange<B = Blob> {
  /** Made by the client (a UUID): the write's Idempotency-Key, so a resend after a lost answer is recorded once. */
  id: string;
  /** The order of recording: changes are sent oldest first. */
  seq: number;
  /** Who recorded it: only their own session sends it (the server records the sender as the author). */
  username: string;
  siteId: number;
  siteName: string;
  /** The site's point [lon, lat], for the map's pending ring (null: a site without a point). */
  at: [number, number] | null;
  /** The status and version the change was made against. */
  fromStatus: Status;
  version: number;
  status: Status;
  note: string;
  zoneId: number | null;
  /** When the crew made it (ISO 8601). */
  observedAt: string;
  /**
   * Whether `observedAt` goes in the body. False for a change first tried online whose answer was lost: its resend
   * must be the same request byte for byte (the server replays the first answer for the key, or refuses another body).
   */
  sendObservedAt: boolean;
  photos: QueuedPhoto<B>[];
  state: QueueState;
  /** The server's message for a rejected change. */
  problem: string | null;
  /**
   * The change itself (not only a photo) was sent by the queue and got no answer: it may be recorded under its key
   * already, so it is never edited or withdrawn, only sent again as it is (absent in changes queued before this).
   */
  attempted?: boolean;
}

/** The queue's changes in the order they are sent: as recorded. */
export function inSendOrder<B>(entries: readonly QueuedChange<B>[]): QueuedChange<B>[] {
  return [...entries].sort((a, b) => a.seq - b.seq || a.id.localeCompare(b.id));
}

/** The next change this user's session sends, skipping those already tried in this run; null when none is left. */
export function nextToSend<B>(
  entries: readonly QueuedChange<B>[],
  username: string,
  tried: ReadonlySet<string> = new Set(),
): QueuedChange<B> | null {
  return (
    inSendOrder(entries).find((e) => e.state === 'pending' && e.username === username && !tried.has(e.id)) ??
    null
  );
}

/** The photos still to upload before the change can be sent, by index. */
export function photosToUpload<B>(entry: QueuedChange<B>): number[] {
  return entry.photos.flatMap((p, i) => (p.attachmentId === null ? [i] : []));
}

/** The body of `PATCH /api/sites/:id`; every photo must have been uploaded first. */
export function changeBody<B>(entry: QueuedChange<B>): StatusChangeBody {
  const ids = entry.photos.map((p) => p.attachmentId);
  if (ids.some((id) => id === null)) throw new Error(`change ${entry.id}: a photo is not uploaded yet`);
  return {
    status: entry.status,
    note: entry.note,
    version: entry.version,
    ...(entry.zoneId === null ? {} : { zoneId: entry.zoneId }),
    ...(ids.length ? { attachmentIds: ids as number[] } : {}),
    ...(entry.sendObservedAt ? { observedAt: entry.observedAt } : {}),
  };
}

/** A failed call as the client sees it: status 0 for no answer at all (the network). */
export interface Failure {
  status: number;
  code: string;
  message: string;
  /** JSON pointers the server named (`details[].path`), if any. */
  paths: readonly string[];
}

export type Outcome =
  { kind: 'retry' } | { kind: 'conflict' } | { kind: 'reupload' } | { kind: 'rejected'; message: string };

/**
 * What a failed send makes of the change. No answer, a server error, 408/429 or a lost session (401): it stays
 * queued and is tried again later. 409 VERSION_CONFLICT: a conflict the crew resolves. 400 naming an attachment id:
 * the uploads were purged while the change waited (docs/evidence.md: a day), so the photos are uploaded again.
 * Anything else the server refused: rejected, with its message, until the crew drops it.
 */
export function classifyFailure(failure: Failure): Outcome {
  const { status, code } = failure;
  if (status === 0 || status >= 500 || status === 401 || status === 408 || status === 429)
    return { kind: 'retry' };
  if (status === 409 && code === 'VERSION_CONFLICT') return { kind: 'conflict' };
  if (status === 400 && failure.paths.some((p) => p.startsWith('/attachmentIds')))
    return { kind: 'reupload' };
  return { kind: 'rejected', message: failure.message };
}

/** A change whose photos are uploaded again, under a new key (the old one may be filed with the refusal). */
export function withFreshUploads<B>(entry: QueuedChange<B>, newId: string): QueuedChange<B> {
  // A new key has never been sent.
  return {
    ...entry,
    id: newId,
    photos: entry.photos.map((p) => ({ ...p, attachmentId: null })),
    attempted: false,
  };
}

/** The site as the server has it now. */
export interface CurrentSite {
  status: Status;
  version: number;
}

export type KeepMine<B> =
  { ok: true; entry: QueuedChange<B> } | { ok: false; reason: 'SAME_STATUS' | 'NOT_ALLOWED' };

/**
 * "Keep mine": the crew's change made again from the server's current status, as a new change (a new key: the old
 * one is filed with its 409) sent after those already waiting. Only when the transition is allowed from there, and
 * not when the server already has that status (the change would say nothing new).
 */
export function keepMine<B>(
  entry: QueuedChange<B>,
  current: CurrentSite,
  newId: string,
  seq: number,
): KeepMine<B> {
  if (current.status === entry.status) return { ok: false, reason: 'SAME_STATUS' };
  if (!nextStatuses(current.status).includes(entry.status)) return { ok: false, reason: 'NOT_ALLOWED' };
  return {
    ok: true,
    entry: {
      ...withFreshUploads(entry, newId),
      seq,
      fromStatus: current.status,
      version: current.version,
      // Never tried online under the new key: the field time goes with it.
      sendObservedAt: true,
      state: 'pending',
      problem: null,
    },
  };
}

/**
 * Whether the crew may still edit or withdraw a waiting change: only one the server has certainly not seen. A
 * change first tried online (its answer lost) or sent by the queue without an answer may be recorded under its key
 * already; another body under that key would be refused (IDEMPOTENCY_KEY_REUSED), so it is sent as it is.
 */
export function canEdit<B>(entry: QueuedChange<B>): boolean {
  return entry.state === 'pending' && entry.sendObservedAt && entry.attempted !== true;
}

/** What the crew may change in a waiting change: its target status, its note, its photos. */
export interface ChangeEdit<B = Blob> {
  status: Status;
  note: string;
  photos: QueuedPhoto<B>[];
}

export type EditResult<B> =
  { ok: true; entry: QueuedChange<B> } | { ok: false; reason: 'NOT_EDITABLE' | 'NOT_ALLOWED' | 'NO_NOTE' };

/**
 * A waiting change edited in place: the same id (its Idempotency-Key: never sent, so the key has no answer yet),
 * the same place in the queue (`seq`), the same status and version it was made against and the same field time
 * (when the crew saw the site). The server's rules are checked as the form checks them: an allowed next status
 * and a note.
 */
export function editChange<B>(entry: QueuedChange<B>, edit: ChangeEdit<B>): EditResult<B> {
  if (!canEdit(entry)) return { ok: false, reason: 'NOT_EDITABLE' };
  if (!nextStatuses(entry.fromStatus).includes(edit.status)) return { ok: false, reason: 'NOT_ALLOWED' };
  const note = edit.note.trim();
  if (!note) return { ok: false, reason: 'NO_NOTE' };
  return { ok: true, entry: { ...entry, status: edit.status, note, photos: edit.photos } };
}

/** The changes waiting for one site (at most one is recorded at a time: status-form.tsx). */
export function changesOfSite<B>(entries: readonly QueuedChange<B>[], siteId: number): QueuedChange<B>[] {
  return inSendOrder(entries).filter((e) => e.siteId === siteId);
}

/** How many changes wait, and how many of them need the crew. */
export function queueCounts<B>(entries: readonly QueuedChange<B>[]): {
  total: number;
  pending: number;
  conflicts: number;
  rejected: number;
} {
  const count = (state: QueueState) => entries.filter((e) => e.state === state).length;
  return {
    total: entries.length,
    pending: count('pending'),
    conflicts: count('conflict'),
    rejected: count('rejected'),
  };
}

/** A number that orders recordings: the time, made strictly increasing within one page. */
let lastSeq = 0;
export function nextSeq(now: number = Date.now()): number {
  lastSeq = Math.max(now, lastSeq + 1);
  return lastSeq;
}
