/**
 * The service worker (docs/offline.md), built by vite-plugin-pwa (injectManifest) with Workbox bundled in, so
 * nothing is fetched from a CDN; registered by offline/register-worker.ts in the production build. It keeps:
 * - the app shell (index.html, scripts, styles, fonts): precached at install, so the app opens without a network;
 * - `gridwatch-area-<id>`: the saved areas (offline/save-area.ts), filled by the page through the Cache API;
 * - `gridwatch-recent`: the last answer of the app's start-up reads (session, map config, layer list), so that
 *   the app opens offline as the user last saw it even if the area was saved in another session.
 * Every read goes to the network first: the data a regulator sees is the server's, never a stale copy; a cached
 * copy answers only when the network fails.
 */
import { clientsClaim } from 'workbox-core';
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { isOfflineRead, keepsRecent } from './offline/offline-reads';
import { RECENT_CACHE } from './offline/cache-names';
import { backgroundSync, QUEUE_CHANNEL, SYNC_TAG, type QueueMessage } from './offline/queue/background-sync';
import { fetchSender } from './offline/queue/fetch-sender';
import { queueDb } from './offline/queue/queue-db';
import { ifQueueFree } from './offline/queue/queue-lock';

/** The `sync` event of Background Sync (not in TypeScript's DOM library). */
interface SyncEvent extends Event {
  readonly tag: string;
  waitUntil(work: Promise<unknown>): void;
}

declare const self: {
  __WB_MANIFEST: { url: string; revision: string | null }[];
  location: Location;
  skipWaiting(): Promise<void>;
  addEventListener(type: 'sync', listener: (event: SyncEvent) => void): void;
};

void self.skipWaiting();
clientsClaim();
precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();
// Any address of the app opens the app (its router reads the address); the API and OGC are never the shell.
registerRoute(
  new NavigationRoute(createHandlerBoundToURL('/index.html'), { denylist: [/^\/api\//, /^\/ogc\//] }),
);

registerRoute(
  ({ url, request }) => url.origin === self.location.origin && isOfflineRead(url.pathname, request.method),
  async ({ request, url }) => {
    try {
      const answer = await fetch(request);
      if (answer.status === 200 && keepsRecent(url.pathname)) {
        const copy = answer.clone();
        void caches.open(RECENT_CACHE).then((cache) => cache.put(request, copy));
      }
      return answer;
    } catch (error) {
      // No network: a saved area's copy (or the last start-up read), else the failure as it was.
      const saved = await caches.match(request, { ignoreVary: true });
      if (saved) return saved;
      throw error;
    }
  },
);

// Logging out forgets the start-up reads (who was logged in); the saved areas stay until deleted.
registerRoute(
  ({ url }) => url.origin === self.location.origin && url.pathname === '/api/auth/logout',
  async ({ request }) => {
    await caches.delete(RECENT_CACHE);
    return fetch(request);
  },
  'POST',
);

/**
 * Background Sync (offline/queue/background-sync.ts): the page asked for SYNC_TAG when it queued a change; the
 * browser wakes the worker once it has a network. The queue is sent with the page's own code and requests, as the
 * session's user, and the open pages are told. A failed run makes the browser try again later.
 */
async function whoAmI(): Promise<string | null> {
  const answer = await fetch('/api/auth/me', {
    credentials: 'same-origin',
    headers: { accept: 'application/json' },
  });
  if (answer.status === 401) return null;
  if (!answer.ok) throw new Error(`/api/auth/me: HTTP ${answer.status}`);
  return ((await answer.json()) as { username: string }).username;
}

self.addEventListener('sync', (event) => {
  if (event.tag !== SYNC_TAG) return;
  event.waitUntil(
    backgroundSync({
      whoAmI,
      storage: queueDb,
      sender: fetchSender(fetch),
      hold: ifQueueFree,
      announce: (message: QueueMessage) => {
        const channel = new BroadcastChannel(QUEUE_CHANNEL);
        channel.postMessage(message);
        channel.close();
      },
    }),
  );
});
