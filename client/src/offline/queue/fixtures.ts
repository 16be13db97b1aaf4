import type { QueuedChange } from './queue-rules';
import type { QueueStorage } from './sync';

/** A queued change for the tests, photos as strings. */
export function change(over: Partial<QueuedChange<string>> = {}): QueuedChange<string> {
  return {
    id: 'a',
    seq: 1,
    username: 'crew',
    siteId: 7,
    siteName: 'Site 7',
    at: [87.6, 43.8],
    fromStatus: 'SHUTDOWN_ORDERED',
    version: 3,
    status: 'SHUT_DOWN',
    note: 'machines off, meter read',
    zoneId: null,
    observedAt: '2026-12-03T06:03:00.000Z',
    sendObservedAt: true,
    photos: [],
    state: 'pending',
    problem: null,
    ...over,
  };
}

/** The queue kept in a Map, as IndexedDB keeps it by id. */
export function memoryStorage(entries: QueuedChange<string>[]): QueueStorage<string> & {
  map: Map<string, QueuedChange<string>>;
} {
  const map = new Map(entries.map((e) => [e.id, e]));
  return {
    map,
    all: () => Promise.resolve([...map.values()]),
    put: (entry) => Promise.resolve(void map.set(entry.id, entry)),
    delete: (id) => Promise.resolve(void map.delete(id)),
    replace: (oldId, entry) => {
      map.delete(oldId);
      map.set(entry.id, entry);
      return Promise.resolve();
    },
  };
}
