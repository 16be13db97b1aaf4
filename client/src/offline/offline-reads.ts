/**
 * Which requests the service worker (sw.ts) may answer from Cache Storage when the network fails: the API's
 * reads, the built-in basemap's files and the PMTiles basemap's tiles. Not the login, and never a write.
 */
export function isOfflineRead(pathname: string, method: string): boolean {
  if (method !== 'GET') return false;
  if (pathname.startsWith('/api/auth/login')) return false;
  return pathname.startsWith('/api/') || pathname.startsWith('/basemap/');
}

/**
 * The start-up reads kept in `gridwatch-recent` as the app makes them online: small answers the app needs before
 * it draws anything. Tiles and layers are the saved areas' to keep: written through, they would fill the disk
 * with every pan.
 */
export const START_UP_READS = [
  '/api/auth/session',
  '/api/auth/me',
  '/api/map-config',
  '/api/layers',
] as const;

export const keepsRecent = (pathname: string): boolean =>
  (START_UP_READS as readonly string[]).includes(pathname);
