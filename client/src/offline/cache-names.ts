/** The Cache Storage names the service worker (sw.ts) and the saved areas (save-area.ts) share. */
export const RECENT_CACHE = 'gridwatch-recent';
export const AREA_CACHE_PREFIX = 'gridwatch-area-';
export const areaCache = (id: string): string => `${AREA_CACHE_PREFIX}${id}`;
