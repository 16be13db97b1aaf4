import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  errorResponses,
  NoContent,
  OgcCollectionParams,
  OgcDatasetTileParams,
  OgcTileParams,
  OgcTileset,
  OgcTilesets,
  TileBody,
  TileJson,
  TileQuery,
} from '@gridwatch/contract';
import { linkMaker } from '../http/ogc-request';
import { datasetTileJson, ogcTileset, tileJson } from '../services/ogc/ogc-tilesets';
import { answerDatasetTile, answerTile, parseTileLayer } from '../services/tile-answer';

const { v: _cacheBuster, ...tileFilters } = TileQuery.properties;
const OgcTileQuery = { ...TileQuery, properties: tileFilters };

/**
 * OGC API – Tiles (core, MVT, WebMercatorQuad) over the app's own vector tiles, and a TileJSON 3.0.0 per layer
 * (docs/gis-clients.md). The tile route answers as /api/tiles does (services/tile-answer.ts), with y before x.
 */
const ogcTiles: FastifyPluginAsyncTypebox = async (app) => {
  const config = { access: 'read' } as const;
  const tags = ['ogc'];
  const params = OgcCollectionParams;

  app.get(
    '/ogc/collections/:collectionId/tiles',
    { config, schema: { tags, params, response: { 200: OgcTilesets, ...errorResponses(401, 404) } } },
    async (request) => {
      const layer = parseTileLayer(request.params.collectionId);
      const link = linkMaker(request);
      const tileset = ogcTileset(layer, link);
      const self = { href: link(`/ogc/collections/${layer}/tiles`), rel: 'self', type: 'application/json' };
      return { links: [self], tilesets: [tileset] };
    },
  );

  app.get(
    '/ogc/collections/:collectionId/tiles/WebMercatorQuad',
    { config, schema: { tags, params, response: { 200: OgcTileset, ...errorResponses(401, 404) } } },
    async (request) => {
      const layer = parseTileLayer(request.params.collectionId);
      const tileset = ogcTileset(layer, linkMaker(request));
      return tileset;
    },
  );

  app.get(
    '/ogc/collections/:collectionId/tilejson.json',
    { config, schema: { tags, params, response: { 200: TileJson, ...errorResponses(401, 404) } } },
    async (request) => {
      const layer = parseTileLayer(request.params.collectionId);
      const info = (await app.store.layerInfos()).find((i) => i.id === layer);
      const body = tileJson(layer, linkMaker(request), info?.bbox ?? null);
      return body;
    },
  );

  app.get(
    '/ogc/collections/:collectionId/tiles/WebMercatorQuad/:tileMatrix/:tileRow/:tileCol',
    {
      config,
      schema: {
        tags,
        description: 'A Mapbox Vector Tile (as /api/tiles/:layer/:z/:x/:y.mvt), row (y) before column (x).',
        params: OgcTileParams,
        querystring: OgcTileQuery,
        response: { 200: TileBody, 204: NoContent, 304: NoContent, ...errorResponses(400, 401, 404) },
      },
    },
    async (request, reply) => {
      const { collectionId, tileMatrix, tileRow, tileCol } = request.params;
      return answerTile(app.store, request, reply, {
        layer: collectionId,
        z: tileMatrix,
        x: tileCol,
        y: tileRow,
        query: request.query,
      });
    },
  );

  app.get(
    '/ogc/tilejson.json',
    { config, schema: { tags, response: { 200: TileJson, ...errorResponses(401) } } },
    async (request) => {
      const infos = await app.store.layerInfos();
      const boxes = infos.flatMap((info) => (info.bbox ? [info.bbox] : []));
      const bbox =
        boxes.length === 0
          ? null
          : [
              Math.min(...boxes.map((b) => b[0]!)),
              Math.min(...boxes.map((b) => b[1]!)),
              Math.max(...boxes.map((b) => b[2]!)),
              Math.max(...boxes.map((b) => b[3]!)),
            ];
      return datasetTileJson(linkMaker(request), bbox);
    },
  );

  app.get(
    '/ogc/tiles/WebMercatorQuad/:tileMatrix/:tileRow/:tileCol',
    {
      config,
      schema: {
        tags,
        description:
          'A Mapbox Vector Tile of the whole dataset: every tiled collection as its own layer, unfiltered, row (y) ' +
          'before column (x). One URL for QGIS with the style /ogc/styles/gridwatch.',
        params: OgcDatasetTileParams,
        response: { 200: TileBody, 204: NoContent, 304: NoContent, ...errorResponses(400, 401) },
      },
    },
    async (request, reply) => {
      const { tileMatrix, tileRow, tileCol } = request.params;
      return answerDatasetTile(app.store, request, reply, { z: tileMatrix, x: tileCol, y: tileRow });
    },
  );
};

export default ogcTiles;
