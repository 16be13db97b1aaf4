/**
 * The whole map as the client draws it, for GIS clients (GET /ogc/styles/gridwatch, docs/gis-clients.md): the
 * contract's style (map-style/) with absolute sources that need no page — the /ogc vector tiles, the zones as
 * /ogc GeoJSON, the offline basemap at /basemap — the label font served here (font-faces, no glyph server) and
 * a sprite holding the substation square the client adds at run time.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import sharp from 'sharp';
import {
  BASEMAP_FILES,
  emptyGeojson,
  LABEL_FONT_FILES,
  labelFontFaces,
  mapStyle,
  MAP_LAYERS,
  PYLON_MIN_ZOOM,
  sdfSquare,
  SUBSTATION_ICON,
  SUBSTATION_ICON_SIDE,
  type MapStyleSources,
} from '@gridwatch/contract';
import type { MakeLink } from './ogc-collections';
import { OGC_TILE_MAX_ZOOM, tileTemplate } from './ogc-tilesets';

export const STYLE_PATH = '/ogc/styles/gridwatch';

/** The style; `link` makes the URLs (carrying the API token on when it came in the query), `origin` the basemap's. */
export function ogcStyle(link: MakeLink, origin: string) {
  const sources = Object.fromEntries([
    ...BASEMAP_FILES.map((file) => [
      `basemap-${file}`,
      // Static files, open to anyone: no token in their URL.
      { type: 'geojson', data: `${origin}/basemap/${file}.geojson` },
    ]),
    ...MAP_LAYERS.map((layer) => [
      layer,
      layer === 'zones'
        ? // Zones have no tiles (the app loads them whole): their GeoJSON, a few hundred at most.
          { type: 'geojson', data: link('/ogc/collections/zones/items', { limit: '10000', f: 'json' }) }
        : {
            type: 'vector',
            tiles: [tileTemplate(link, layer, false)],
            minzoom: layer === 'pylons' ? PYLON_MIN_ZOOM : 0,
            maxzoom: OGC_TILE_MAX_ZOOM,
          },
    ]),
    ['focus', emptyGeojson()],
    ['unexplained', emptyGeojson()],
  ]) as MapStyleSources;
  return mapStyle({
    sources,
    fontFaces: labelFontFaces({
      latin: link(`${STYLE_PATH}/fonts/${LABEL_FONT_FILES.latin}`),
      latinExt: link(`${STYLE_PATH}/fonts/${LABEL_FONT_FILES.latinExt}`),
    }),
    sprite: link(`${STYLE_PATH}/sprite`),
  });
}

/** The sprite's files by name: MapLibre asks for sprite.json and .png, or sprite@2x.* on a dense screen. */
export const SPRITE_FILES = {
  'sprite.json': { ratio: 1, png: false },
  'sprite.png': { ratio: 1, png: true },
  'sprite@2x.json': { ratio: 2, png: false },
  'sprite@2x.png': { ratio: 2, png: true },
} as const;
export type SpriteFile = keyof typeof SPRITE_FILES;

/** The substation square as the client draws it (create-map.ts: side 16, buffer 4), one image per sprite. */
const spriteImage = (ratio: number) => sdfSquare(SUBSTATION_ICON_SIDE, 4, ratio);

export function spriteIndex(ratio: number) {
  const { width, height } = spriteImage(ratio);
  return { [SUBSTATION_ICON]: { x: 0, y: 0, width, height, pixelRatio: ratio, sdf: true } };
}

export async function spritePng(ratio: number): Promise<Buffer> {
  const { width, height, data } = spriteImage(ratio);
  return sharp(Buffer.from(data.buffer), { raw: { width, height, channels: 4 } })
    .png()
    .toBuffer();
}

/** The label font's files, from the @fontsource/noto-sans package the client bundles them from. */
const fontsDir = path.join(
  path.dirname(createRequire(import.meta.url).resolve('@fontsource/noto-sans/package.json')),
  'files',
);
const FONT_NAMES: readonly string[] = Object.values(LABEL_FONT_FILES);
export function fontFile(name: string): string | null {
  return FONT_NAMES.includes(name) ? path.join(fontsDir, name) : null;
}
