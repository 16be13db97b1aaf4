import { useMemo, useSyncExternalStore } from 'react';
import { askBackgroundSync } from './background-sync';
import { fetchSender } from './fetch-sender';
import { queueDb } from './queue-db';
import { ifQueueFree } from './queue-lock';
import {
  canEdit,
  editChange,
  inSendOrder,
  keepMine,
  nextSeq,
  type ChangeEdit,
  type CurrentSite,
  type EditResult,
  type KeepMine,
  type QueuedChange,
} from './queue-rules';
import { syncQueue, type SyncReport } from './sync';

/**
 * The page's copy of the queue (IndexedDB is the truth; this mirrors it for React) and the one sync run at a time.
 * The page sends the queue on the `online` event, at page open and with "send now" (use-queue-sync.ts); where the
 * browser has Background Sync, the service worker sends it too, even with the app closed (background-sync.ts).
 * One of them at a time (queue-lock.ts).
 */
let entries: readonly QueuedChange[] = [];
let syncing = false;
const listeners = new Set<() => void>();

function notify() {
  for (const listener of listeners) listener();
}

/** Reads the queue again from IndexedDB. */
export async function reloadQueue(): Promise<void> {
  entries = await queueDb.all();
  notify();
}

export function useQueue(): readonly QueuedChange[] {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => entries,
  );
}

/** The changes this user recorded on this device, in the order they are sent (another user's wait for them). */
export function useMyQueue(username: string | null): readonly QueuedChange[] {
  const all = useQueue();
  return useMemo(() => inSendOrder(all.filter((e) => e.username === username)), [all, username]);
}

export function useSyncing(): boolean {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => syncing,
  );
}

export async function enqueue(entry: QueuedChange): Promise<void> {
  await queueDb.put(entry);
  await reloadQueue();
  // Where the browser has it, the worker sends it once there is a network, even if the app is closed by then.
  void askBackgroundSync();
}

/** What the crew's edit or withdrawal came to: done, refused by the rules, or the queue is being sent right now. */
export type EditOutcome = EditResult<Blob> | { ok: false; reason: 'BUSY' };

/**
 * The crew edits a change still waiting: same id and place in the queue (queue-rules.ts `editChange`), while no run
 * is sending it; read again from IndexedDB under the lock, so an edit is never made to a copy that was sent meanwhile.
 */
export async function editWaitingChange(id: string, edit: ChangeEdit<Blob>): Promise<EditOutcome> {
  const outcome = await ifQueueFree(async (): Promise<EditResult<Blob>> => {
    const entry = (await queueDb.all()).find((e) => e.id === id);
    if (!entry) return { ok: false, reason: 'NOT_EDITABLE' };
    const edited = editChange(entry, edit);
    if (edited.ok) await queueDb.put(edited.entry);
    return edited;
  });
  await reloadQueue();
  return outcome ?? { ok: false, reason: 'BUSY' };
}

/** The crew withdraws a change still waiting (one the server has certainly not seen: `canEdit`). */
export async function withdrawChange(id: string): Promise<EditOutcome | { ok: true }> {
  const outcome = await ifQueueFree(async () => {
    const entry = (await queueDb.all()).find((e) => e.id === id);
    if (!entry || !canEdit(entry)) return { ok: false as const, reason: 'NOT_EDITABLE' as const };
    await queueDb.delete(id);
    return { ok: true as const };
  });
  await reloadQueue();
  return outcome ?? { ok: false, reason: 'BUSY' };
}

/** The crew's choice only: a conflict or a refused change is gone. */
export async function dropChange(id: string): Promise<void> {
  await queueDb.delete(id);
  await reloadQueue();
}

/** "Keep mine": the conflict is replaced by a new change from the current status, in one step. */
export async function keepMyChange(entry: QueuedChange, current: CurrentSite): Promise<KeepMine<Blob>> {
  const kept = keepMine(entry, current, crypto.randomUUID(), nextSeq());
  if (kept.ok) {
    await queueDb.replace(entry.id, kept.entry);
    await reloadQueue();
  }
  return kept;
}

/**
 * Sends this user's waiting changes (one run at a time; a second call while one runs, here or in the worker, does
 * nothing), with the same requests as the worker (fetch-sender.ts).
 */
export async function syncNow(username: string): Promise<SyncReport | null> {
  if (syncing) return null;
  syncing = true;
  notify();
  try {
    return await ifQueueFree(() => syncQueue(queueDb, fetchSender(fetch), username));
  } finally {
    syncing = false;
    await reloadQueue();
  }
}
