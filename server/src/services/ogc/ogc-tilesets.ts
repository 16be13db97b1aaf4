import { MVT_CONTENT_TYPE, TILE_LAYER_IDS, type TileLayerId } from '@gridwatch/contract';
import type { MakeLink } from './ogc-collections';

export const WEB_MERCATOR_QUAD = 'http://www.opengis.net/def/tilematrixset/OGC/1.0/WebMercatorQuad';
const EPSG_3857 = 'http://www.opengis.net/def/crs/EPSG/0/3857';
/** Beyond this zoom a client scales the tiles it has (as the app's map does: a tile of points holds them all). */
export const OGC_TILE_MAX_ZOOM = 14;

/** What each layer's tiles hold (server/src/store/sql/tile-sql.ts writes them), for TileJSON's vector_layers. */
const TILE_FIELDS: Record<TileLayerId, { minzoom: number; fields: Record<string, string> }> = {
  regions: {
    minzoom: 0,
    fields: { externalId: 'String', code: 'String', name: 'String', nameZh: 'String', level: 'Number' },
  },
  substations: {
    minzoom: 0,
    fields: { externalId: 'String', name: 'String', nameZh: 'String', voltageKv: 'Number' },
  },
  lines: {
    minzoom: 0,
    fields: { externalId: 'String', name: 'String', nameZh: 'String', voltageKv: 'Number' },
  },
  pylons: { minzoom: 9, fields: { externalId: 'String', lineId: 'Number', seq: 'Number' } },
  sites: {
    minzoom: 0,
    fields: {
      externalId: 'String',
      name: 'String',
      nameZh: 'String',
      status: 'String',
      loadMw: 'Number',
      cluster: 'Boolean: below zoom 8, and in crowded tiles, points are clusters',
      count: 'Number: sites in a cluster',
    },
  },
};

const TITLES: Record<TileLayerId, string> = {
  regions: 'Regions',
  substations: 'Substations',
  lines: 'Transmission lines',
  pylons: 'Pylons',
  sites: 'Mining sites',
};

const tilesPath = (layer: TileLayerId) => `/ogc/collections/${layer}/tiles/WebMercatorQuad`;

/** The tile URL template, y before x as OGC API – Tiles orders them; the braces stay unencoded. */
export const tileTemplate = (link: MakeLink, layer: TileLayerId, ogcNames: boolean) => {
  const [base, search] = link(tilesPath(layer)).split('?');
  const cell = ogcNames ? '{tileMatrix}/{tileRow}/{tileCol}' : '{z}/{y}/{x}';
  return `${base}/${cell}${search ? `?${search}` : ''}`;
};

/** The tileset of a layer (OGC API – Tiles, tileset metadata) in WebMercatorQuad. */
export function ogcTileset(layer: TileLayerId, link: MakeLink) {
  return {
    title: `${TITLES[layer]}: vector tiles`,
    dataType: 'vector' as const,
    crs: EPSG_3857,
    tileMatrixSetURI: WEB_MERCATOR_QUAD,
    links: [
      { href: link(tilesPath(layer)), rel: 'self', type: 'application/json', title: 'This tileset' },
      {
        href: tileTemplate(link, layer, true),
        rel: 'item',
        type: MVT_CONTENT_TYPE,
        templated: true,
        title: 'A tile (Mapbox Vector Tile)',
      },
      {
        href: link(`/ogc/collections/${layer}/tilejson.json`),
        rel: 'describedby',
        type: 'application/json',
        title: 'TileJSON 3.0.0',
      },
      {
        href: WEB_MERCATOR_QUAD,
        rel: 'http://www.opengis.net/def/rel/ogc/1.0/tiling-scheme',
        title: 'WebMercatorQuad',
      },
    ],
    layers: [
      {
        id: layer,
        dataType: 'vector',
        minTileMatrix: String(TILE_FIELDS[layer].minzoom),
        maxTileMatrix: String(OGC_TILE_MAX_ZOOM),
      },
    ],
  };
}

/** TileJSON 3.0.0 of a layer (the layer's own source layer is named after it). */
export function tileJson(layer: TileLayerId, link: MakeLink, bounds: number[] | null) {
  const { minzoom, fields } = TILE_FIELDS[layer];
  const title = TITLES[layer];
  return {
    tilejson: '3.0.0' as const,
    name: `gridwatch ${layer}`,
    description: title,
    attribution: 'gridwatch (synthetic data; basemap: Natural Earth)',
    scheme: 'xyz',
    tiles: [tileTemplate(link, layer, false)],
    minzoom,
    maxzoom: OGC_TILE_MAX_ZOOM,
    bounds: bounds ?? [-180, -85.0511, 180, 85.0511],
    vector_layers: [{ id: layer, description: title, minzoom, maxzoom: OGC_TILE_MAX_ZOOM, fields }],
  };
}

/** The dataset tiles' URL template (every tiled collection in one tile), y before x, braces unencoded. */
export const datasetTileTemplate = (link: MakeLink) => {
  const [base, search] = link('/ogc/tiles/WebMercatorQuad').split('?');
  return `${base}/{z}/{y}/{x}${search ? `?${search}` : ''}`;
};

/** TileJSON 3.0.0 of the dataset tiles: one source whose tiles hold every tiled collection as its own layer. */
export function datasetTileJson(link: MakeLink, bounds: number[] | null) {
  return {
    tilejson: '3.0.0' as const,
    name: 'gridwatch',
    description: 'Every tiled collection in one tile: regions, substations, lines, pylons and sites',
    attribution: 'gridwatch (synthetic data; basemap: Natural Earth)',
    scheme: 'xyz',
    tiles: [datasetTileTemplate(link)],
    minzoom: 0,
    maxzoom: OGC_TILE_MAX_ZOOM,
    bounds: bounds ?? [-180, -85.0511, 180, 85.0511],
    vector_layers: TILE_LAYER_IDS.map((layer) => ({
      id: layer,
      description: TITLES[layer],
      minzoom: TILE_FIELDS[layer].minzoom,
      maxzoom: OGC_TILE_MAX_ZOOM,
      fields: TILE_FIELDS[layer].fields,
    })),
  };
}
