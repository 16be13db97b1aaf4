/**
 * The service worker (docs/offline.md), built by vite-plugin-pwa (injectManifest) with Workbox bundled in, so
 * nothing is fetched from a CDN. It keeps three things:
 * - the app shell (index.html, scripts, styles, fonts): precached at install, so the app opens without a network;
 * - `gridwatch-recent`: the last answer of every GET of the API and the built-in basemap, written through as the
 *   app uses them online, answered only when the network fails (the session, the map config, the whole layers);
 * - `gridwatch-area-<id>`: the saved areas (offline/save-area.ts), filled by the page through the Cache API.
 * Online, every GET goes to the network first: the data a regulator sees is the server's, never a stale copy.
 */
import { clientsClaim } from 'workbox-core';
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { RECENT_CACHE } from './offline/cache-names';

declare const self: {
  __WB_MANIFEST: { url: string; revision: string | null }[];
  location: Location;
  navigator: { onLine: boolean };
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

/** Reads a crew may need offline: the API's GETs (not the auth writes) and the built-in basemap's files. */
const isOfflineRead = (url: URL, request: Request): boolean =>
  request.method === 'GET' &&
  url.origin === self.location.origin &&
  (url.pathname.startsWith('/api/') || url.pathname.startsWith('/basemap/')) &&
  !url.pathname.startsWith('/api/auth/login');

// Online the worker stays out of the data's way (the browser fetches as without it); it answers only offline.
registerRoute(
  ({ url, request }) => !self.navigator.onLine && isOfflineRead(url, request),
  async ({ request }) => {
    try {
      const answer = await fetch(request);
      // Tiles are the saved areas' to keep: written through, they would fill the disk with every pan.
      if (answer.ok && answer.status === 200 && !/\.mvt$/.test(new URL(request.url).pathname)) {
        const copy = answer.clone();
        void caches.open(RECENT_CACHE).then((cache) => cache.put(request, copy));
      }
      return answer;
    } catch (error) {
      // No network: a saved area's copy, else the last answer seen, else the failure as it was.
      const saved = await caches.match(request, { ignoreVary: true });
      if (saved) return saved;
      throw error;
    }
  },
);
