import type { Bbox } from '../api';

/**
 * What saving an area fetches (docs/offline.md), worked out before anything is downloaded: the URLs, by kind,
 * and the estimated bytes against the budget. Pure: the page (save-area.ts) fetches, this only counts.
 */

/** The deepest basemap zoom saved: where a crew works (z12–z15); MapLibre scales the last level beyond it. */
export const BASEMAP_MAX_ZOOM = 15;
/** The sites' and pylons' tiles stop at 14 (map/style/sources.ts): the map scales them beyond. */
export const DATA_TILE_MAX_ZOOM = 14;

/**
 * Estimated bytes of the answers whose size is not known before they are fetched. A Protomaps tile of a town at
 * z14–15 is 20–80 KB, of the desert a few KB; 40 KB errs on the large side, so that a download fits its budget.
 */
export const ESTIMATED_BYTES = {
  basemapTile: 40_000,
  siteTile: 6_000,
  pylonTile: 6_000,
  siteDetail: 1_500,
  siteHistory: 1_500,
} as const;

export type UrlKind = 'known' | keyof typeof ESTIMATED_BYTES;

export interface PlannedUrl {
  url: string;
  kind: UrlKind;
}

export interface TileCoord {
  z: number;
  x: number;
  y: number;
}

/** Web Mercator stops at ±85.0511°: tiles beyond do not exist. */
const MAX_LAT = 85.0511287798;

const tileX = (lon: number, z: number): number =>
  Math.min(2 ** z - 1, Math.max(0, Math.floor(((lon + 180) / 360) * 2 ** z)));

function tileY(lat: number, z: number): number {
  const phi = (Math.max(-MAX_LAT, Math.min(MAX_LAT, lat)) * Math.PI) / 180;
  const y = ((1 - Math.log(Math.tan(phi) + 1 / Math.cos(phi)) / Math.PI) / 2) * 2 ** z;
  return Math.min(2 ** z - 1, Math.max(0, Math.floor(y)));
}

/** The tiles of zoom `z` that cover the box (west, south, east, north). */
export function tilesOver([west, south, east, north]: Bbox, z: number): TileCoord[] {
  const tiles: TileCoord[] = [];
  for (let x = tileX(west, z); x <= tileX(east, z); x++)
    for (let y = tileY(north, z); y <= tileY(south, z); y++) tiles.push({ z, x, y });
  return tiles;
}

/** How many tiles cover the box at zooms `minZoom`..`maxZoom`, without listing them. */
export function countTiles([west, south, east, north]: Bbox, minZoom: number, maxZoom: number): number {
  let count = 0;
  for (let z = minZoom; z <= maxZoom; z++)
    count += (tileX(east, z) - tileX(west, z) + 1) * (tileY(south, z) - tileY(north, z) + 1);
  return count;
}

const fillTemplate = (template: string, { z, x, y }: TileCoord): string =>
  template.replace('{z}', String(z)).replace('{x}', String(x)).replace('{y}', String(y));

export interface AreaInput {
  bbox: Bbox;
  /** Answers already fetched while planning (the start-up reads, the whole layers, the sites in the box). */
  known: { url: string; bytes: number }[];
  /** Tile templates with {z}/{x}/{y}, as the map asks for them. */
  siteTiles: string;
  pylonTiles: string;
  pylonMinZoom: number;
  /** The PMTiles basemap, if the deployment has one. */
  basemap: { tiles: string; minzoom: number; maxzoom: number } | null;
  siteIds: readonly number[];
  budgetBytes: number;
}

export interface AreaPlan {
  urls: PlannedUrl[];
  estimatedBytes: number;
  /** The deepest basemap zoom saved (null: no PMTiles basemap); below 15 when the budget did not allow more. */
  basemapMaxZoom: number | null;
  tileCount: number;
  /** Whether the estimate is within the budget; the caller refuses to download when not. */
  fits: boolean;
}

const estimate = (urls: readonly PlannedUrl[], known: Map<string, number>): number =>
  urls.reduce((sum, u) => sum + (u.kind === 'known' ? (known.get(u.url) ?? 0) : ESTIMATED_BYTES[u.kind]), 0);

/**
 * The URLs of an area and their estimated size. The basemap's deepest zoom is the highest (≤ 15, ≤ the archive's)
 * whose tiles still fit the budget beside everything else: the tiles are counted per zoom before any is listed,
 * since a large box at z15 is millions of them.
 */
export function planArea(input: AreaInput): AreaPlan {
  const known = new Map(input.known.map((k) => [k.url, k.bytes]));
  const urls: PlannedUrl[] = input.known.map(({ url }) => ({ url, kind: 'known' }));
  for (const id of input.siteIds) {
    urls.push({ url: `/api/sites/${id}`, kind: 'siteDetail' });
    urls.push({ url: `/api/sites/${id}/history`, kind: 'siteHistory' });
  }
  for (let z = 0; z <= DATA_TILE_MAX_ZOOM; z++) {
    for (const tile of tilesOver(input.bbox, z)) {
      urls.push({ url: fillTemplate(input.siteTiles, tile), kind: 'siteTile' });
      if (z >= input.pylonMinZoom)
        urls.push({ url: fillTemplate(input.pylonTiles, tile), kind: 'pylonTile' });
    }
  }
  const fixed = estimate(urls, known);
  const dataTiles = urls.filter((u) => u.kind === 'siteTile' || u.kind === 'pylonTile').length;
  const { basemap } = input;
  if (!basemap) {
    return {
      urls,
      estimatedBytes: fixed,
      basemapMaxZoom: null,
      tileCount: dataTiles,
      fits: fixed <= input.budgetBytes,
    };
  }
  const deepest = Math.min(BASEMAP_MAX_ZOOM, basemap.maxzoom);
  let maxZoom = deepest;
  const basemapBytes = (z: number) =>
    countTiles(input.bbox, basemap.minzoom, z) * ESTIMATED_BYTES.basemapTile;
  while (maxZoom > basemap.minzoom && fixed + basemapBytes(maxZoom) > input.budgetBytes) maxZoom -= 1;
  for (let z = basemap.minzoom; z <= maxZoom; z++)
    for (const tile of tilesOver(input.bbox, z))
      urls.push({ url: fillTemplate(basemap.tiles, tile), kind: 'basemapTile' });
  const estimatedBytes = fixed + basemapBytes(maxZoom);
  return {
    urls,
    estimatedBytes,
    basemapMaxZoom: maxZoom,
    tileCount: dataTiles + countTiles(input.bbox, basemap.minzoom, maxZoom),
    fits: estimatedBytes <= input.budgetBytes,
  };
}
