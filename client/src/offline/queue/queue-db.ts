import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { QueuedChange } from './queue-rules';
import type { QueueStorage } from './sync';

/**
 * The queue in IndexedDB: one record per change, its photos' Blobs inside it (IndexedDB stores Blobs as they are),
 * keyed by the change's id. One database per origin, kept until the change is sent or dropped by the crew.
 */
interface QueueSchema extends DBSchema {
  changes: { key: string; value: QueuedChange };
}

const DB_NAME = 'gridwatch-queue';
let opened: Promise<IDBPDatabase<QueueSchema>> | null = null;

function db(): Promise<IDBPDatabase<QueueSchema>> {
  opened ??= openDB<QueueSchema>(DB_NAME, 1, {
    upgrade(database) {
      database.createObjectStore('changes', { keyPath: 'id' });
    },
  });
  return opened;
}

export const queueDb: QueueStorage<Blob> = {
  all: async () => (await db()).getAll('changes'),
  put: async (entry) => {
    await (await db()).put('changes', entry);
  },
  delete: async (id) => {
    await (await db()).delete('changes', id);
  },
  replace: async (oldId, entry) => {
    const tx = (await db()).transaction('changes', 'readwrite');
    await Promise.all([tx.store.delete(oldId), tx.store.put(entry), tx.done]);
  },
};
