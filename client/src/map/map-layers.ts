import type { LayerId } from '../api';

/**
 * The API layers this map draws, bottom to top. Zones are drawn by the zone editor (a later issue).
 * This module imports nothing from maplibre-gl so the panels can use it.
 */
export const MAP_LAYERS = [
  'regions',
  'lines',
  'pylons',
  'substations',
  'sites',
] as const satisfies readonly LayerId[];
export type MapLayerId = (typeof MAP_LAYERS)[number];

/** Pylons are tens of thousands: they are fetched for the view, and only from this zoom on. */
export const PYLON_MIN_ZOOM = 10;
