import type { LayerId } from '../layers';

/**
 * The API layers this map draws, bottom to top. Zones are the stored inspection zones; the one being drawn or
 * edited is terra-draw's (zone-editor/). Plain data, so the panels can use it.
 */
export const MAP_LAYERS = [
  'regions',
  'zones',
  'lines',
  'pylons',
  'substations',
  'sites',
] as const satisfies readonly LayerId[];
export type MapLayerId = (typeof MAP_LAYERS)[number];

/** Pylons are tens of thousands: they are drawn, and their tiles fetched, only from this zoom on. */
export const PYLON_MIN_ZOOM = 10;

/**
 * The layers drawn from the server's vector tiles (GET /api/tiles/:layer/{z}/{x}/{y}.mvt): the many points. The
 * others are a few hundred features each, fetched whole as GeoJSON so that lines and regions stay unsimplified.
 */
export const TILED_LAYERS = ['pylons', 'sites'] as const satisfies readonly MapLayerId[];
export type TiledLayerId = (typeof TILED_LAYERS)[number];

export function isTiled(layer: MapLayerId): layer is TiledLayerId {
  return (TILED_LAYERS as readonly MapLayerId[]).includes(layer);
}
