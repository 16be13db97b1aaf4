/**
 * Web Mercator tile maths (the XYZ scheme of web maps): which tiles exist, the lon/lat box a tile covers, and
 * where a lon/lat lands in a tile's pixel grid. Pure: the stores and the tile route build on it.
 */
import type { Bbox } from './bbox';

/** Pixels across a vector tile, and the margin around it that tiles carry so symbols are not cut at edges. */
export const TILE_EXTENT = 4096;
export const TILE_BUFFER = 64;
export const MAX_TILE_ZOOM = 22;
/** Web Mercator stops here: the latitude where the square world map ends. */
export const MAX_MERCATOR_LAT = 85.05112877980659;

export interface TileCoord {
  z: number;
  x: number;
  y: number;
}

export type TileParam = 'z' | 'x' | 'y';
export type ParsedTile = { ok: true; value: TileCoord } | { ok: false; param: TileParam; reason: string };

// Digits only: a sign, a fraction, an exponent or hex is not a tile number, whatever Number() would make of it.
const WHOLE = /^\d{1,10}$/;

/** Parses z/x/y as they arrive in a URL; a refusal names the parameter and the range it must be in. */
export function parseTileCoord(z: string, x: string, y: string): ParsedTile {
  if (!WHOLE.test(z) || Number(z) > MAX_TILE_ZOOM) {
    return { ok: false, param: 'z', reason: `z "${z}" must be a whole number from 0 to ${MAX_TILE_ZOOM}` };
  }
  const zoom = Number(z);
  const last = 2 ** zoom - 1;
  for (const [param, text] of [
    ['x', x],
    ['y', y],
  ] as const) {
    if (!WHOLE.test(text) || Number(text) > last) {
      return {
        ok: false,
        param,
        reason: `${param} "${text}" must be a whole number from 0 to ${last} at zoom ${zoom}`,
      };
    }
  }
  return { ok: true, value: { z: zoom, x: Number(x), y: Number(y) } };
}

/** Longitude of the west edge of tile column `x` (fractional columns allowed) at zoom z. */
function lonOfColumn(x: number, z: number): number {
  return (x / 2 ** z) * 360 - 180;
}

/** Latitude of the north edge of tile row `y` (fractional rows allowed) at zoom z. */
function latOfRow(y: number, z: number): number {
  const n = Math.PI * (1 - (2 * y) / 2 ** z);
  return (Math.atan(Math.sinh(n)) * 180) / Math.PI;
}

/**
 * The lon/lat box of a tile grown by `bufferPx` pixels (of the 4096 extent) on each side. Mercator keeps
 * meridians and parallels straight, so the box is exact: a point is in the buffered tile iff it is in this box.
 */
export function tileBounds({ z, x, y }: TileCoord, bufferPx = 0): Bbox {
  const margin = bufferPx / TILE_EXTENT;
  return [
    lonOfColumn(x - margin, z),
    latOfRow(y + 1 + margin, z),
    lonOfColumn(x + 1 + margin, z),
    latOfRow(y - margin, z),
  ];
}

/**
 * Where a lon/lat lands in the pixel grid of a tile (0..4096 inside the tile, y down, not rounded); outside the
 * tile it goes negative or past 4096. Latitudes beyond Web Mercator's edge are held at the edge.
 */
export function lonLatToTilePixel(lon: number, lat: number, { z, x, y }: TileCoord): [number, number] {
  const clamped = Math.max(-MAX_MERCATOR_LAT, Math.min(MAX_MERCATOR_LAT, lat));
  const scale = 2 ** z * TILE_EXTENT;
  const worldX = (lon + 180) / 360;
  const worldY = (1 - Math.log(Math.tan(Math.PI / 4 + (clamped * Math.PI) / 360)) / Math.PI) / 2;
  return [worldX * scale - x * TILE_EXTENT, worldY * scale - y * TILE_EXTENT];
}

/** The tile at zoom z that holds a lon/lat (a point on an edge belongs to the tile east or south of it). */
export function tileOf(lon: number, lat: number, z: number): TileCoord {
  const [px, py] = lonLatToTilePixel(lon, lat, { z, x: 0, y: 0 });
  const last = 2 ** z - 1;
  const clampIndex = (v: number) => Math.max(0, Math.min(last, Math.floor(v / TILE_EXTENT)));
  return { z, x: clampIndex(px), y: clampIndex(py) };
}
