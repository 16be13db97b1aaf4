import type { Bbox } from '../api';

/**
 * The list of saved areas (docs/offline.md): a few hundred bytes each, in localStorage, read synchronously when
 * the app opens offline. The answers themselves are in Cache Storage (`gridwatch-area-<id>`, cache-names.ts).
 */
export interface SavedArea {
  id: string;
  name: string;
  bbox: Bbox;
  /** When it was saved (ISO 8601): the data is as of then. */
  savedAt: string;
  /** The bytes stored, counted as they were downloaded. */
  bytes: number;
  urlCount: number;
  /** The URL of the area's sites (a bbox query of the sites layer): what search, filter and near me read offline. */
  sitesUrl: string;
  basemapMaxZoom: number | null;
}

export const AREAS_KEY = 'gridwatch.offline-areas';

/** The saved areas, newest first; a damaged entry reads as none rather than breaking the app. */
export function readAreas(storage: Pick<Storage, 'getItem'>): SavedArea[] {
  try {
    const parsed: unknown = JSON.parse(storage.getItem(AREAS_KEY) ?? '[]');
    return Array.isArray(parsed) ? (parsed as SavedArea[]) : [];
  } catch {
    return [];
  }
}

export function addArea(storage: Pick<Storage, 'getItem' | 'setItem'>, area: SavedArea): SavedArea[] {
  const areas = [area, ...readAreas(storage).filter((a) => a.id !== area.id)];
  storage.setItem(AREAS_KEY, JSON.stringify(areas));
  return areas;
}

export function removeArea(storage: Pick<Storage, 'getItem' | 'setItem'>, id: string): SavedArea[] {
  const areas = readAreas(storage).filter((a) => a.id !== id);
  storage.setItem(AREAS_KEY, JSON.stringify(areas));
  return areas;
}

/** "saved 2 h ago": the largest whole unit, so the crew sees at a glance how old the data is. */
export function ageOf(savedAt: string, now: Date): { unit: 'min' | 'h' | 'd'; count: number } {
  const minutes = Math.max(0, Math.floor((now.getTime() - Date.parse(savedAt)) / 60_000));
  if (minutes < 60) return { unit: 'min', count: minutes };
  if (minutes < 48 * 60) return { unit: 'h', count: Math.floor(minutes / 60) };
  return { unit: 'd', count: Math.floor(minutes / (24 * 60)) };
}

export const megabytes = (bytes: number): string => (bytes / 1_000_000).toFixed(1);
