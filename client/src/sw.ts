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

declare const self: {
  __WB_MANIFEST: { url: string; revision: string | null }[];
  location: Location;
  skipWaiting(): Promise<void>;
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
