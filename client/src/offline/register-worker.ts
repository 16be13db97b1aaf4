import { registerSW } from 'virtual:pwa-register';

/**
 * Registers the service worker (sw.ts) of the production build, so that the app opens without a network and the
 * saved areas answer offline (docs/offline.md). A new worker takes over at once (autoUpdate): the shell it
 * precaches is the server's current one.
 */
export function registerWorker(): void {
  if (!('serviceWorker' in navigator)) return;
  registerSW({ immediate: true });
}
