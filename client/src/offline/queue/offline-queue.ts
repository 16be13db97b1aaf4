import { useMemo, useSyncExternalStore } from 'react';
import { ApiError, type ApiClient } from '../../api';
import { queueDb } from './queue-db';
import {
  inSendOrder,
  keepMine,
  nextSeq,
  type CurrentSite,
  type KeepMine,
  type QueuedChange,
} from './queue-rules';
import { syncQueue, type Sender, type SyncReport } from './sync';

/**
 * The page's copy of the queue (IndexedDB is the truth; this mirrors it for React) and the one sync run at a time.
 * The page sends the queue itself, on the `online` event, at page open and with "send now" (use-queue-sync.ts):
 * Background Sync would only wake the service worker to do the same.
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

function apiSender(api: ApiClient): Sender<Blob> {
  return {
    upload: async (photo) =>
      (await api.uploadAttachment(new File([photo.blob], photo.name, { type: photo.type }))).id,
    change: async (siteId, body, key) => {
      await api.changeStatus(siteId, body, key);
    },
    toFailure: (error) =>
      error instanceof ApiError
        ? {
            status: error.status,
            code: error.code,
            message: error.message,
            paths: error.details.flatMap((d) =>
              typeof d === 'object' && d !== null && 'path' in d && typeof d.path === 'string'
                ? [d.path]
                : [],
            ),
          }
        : { status: 0, code: 'CLIENT', message: String(error), paths: [] },
    newId: () => crypto.randomUUID(),
  };
}

/** Sends this user's waiting changes (one run at a time; a second call while one runs does nothing). */
export async function syncNow(api: ApiClient, username: string): Promise<SyncReport | null> {
  if (syncing) return null;
  syncing = true;
  notify();
  try {
    return await syncQueue(queueDb, apiSender(api), username);
  } finally {
    syncing = false;
    await reloadQueue();
  }
}
