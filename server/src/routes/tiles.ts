import { createHash } from 'node:crypto';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  errorResponses,
  MVT_CONTENT_TYPE,
  NoContent,
  TileBody,
  TILE_LAYER_IDS,
  TileParams,
  TileQuery,
  type TileLayerId,
} from '@gridwatch/contract';
import { parseTileCoord } from '../domain/geo/tile-math';
import { notFound, validationFailed } from '../http/app-error';
import { TILE_POINT_CAP } from '../store/tile-request';
import { sitesAsOfInstant } from '../http/day-param';
import { toLayerFilter } from '../http/layer-filter';

/**
 * Statuses change during a campaign, so a tile may be kept only briefly; the ETag lets the map revalidate a
 * tile without downloading it again when nothing in it changed.
 */
const CACHE_CONTROL = 'private, max-age=30';

function parseTileLayer(layer: string): TileLayerId {
  if (!(TILE_LAYER_IDS as readonly string[]).includes(layer)) {
    throw notFound(`No vector tiles for layer "${layer}"; the tiled layers are ${TILE_LAYER_IDS.join(', ')}`);
  }
  return layer as TileLayerId;
}

/** Whether an If-None-Match header (a list, possibly of weak tags) names this ETag. */
function matchesEtag(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  return header.split(',').some((tag) => {
    const t = tag.trim();
    return t === '*' || t === etag || t === `W/${etag}`;
  });
}

const tiles: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/tiles/:layer/:z/:x/:y.mvt',
    {
      config: { access: 'read' },
      schema: {
        tags: ['tiles'],
        description:
          'Mapbox Vector Tile of a layer: one source layer named after the layer, extent 4096, buffer 64, ' +
          'feature ids = entity ids; 204 when the tile is empty. At low zooms (sites below 8) and in tiles ' +
          `with more than ${TILE_POINT_CAP} points, points are grid clusters with \`cluster: true\`, \`count\`, and for sites ` +
          '`loadMw`, `count_<STATUS>` and `loadMw_<STATUS>`. Pylons are served from zoom 9. The layer filters apply ' +
          '(region: the points the region holds, boundary included); `asOf` (sites) draws each site with its status ' +
          'at the end of that day.',
        params: TileParams,
        querystring: TileQuery,
        // A tile is binary, not JSON: only the error answers are checked (response-check.ts). 204: the tile is
        // empty; 304: it has not changed since the ETag sent.
        response: { 200: TileBody, 204: NoContent, 304: NoContent, ...errorResponses(400, 401, 404) },
      },
    },
    async (request, reply) => {
      const layer = parseTileLayer(request.params.layer);
      const { z, x, y } = request.params;
      const coord = parseTileCoord(z, x, y);
      if (!coord.ok) {
        throw validationFailed(coord.reason, [
          { in: 'params', path: `/${coord.param}`, message: coord.reason },
        ]);
      }
      // The layer route's own parsing, so the map, the table and the exports filter alike.
      const { v: _cacheBuster, asOf, ...query } = request.query;
      const { limit: _page, ...filter } = toLayerFilter(layer, query);
      const at = asOf === undefined ? undefined : sitesAsOfInstant(layer, asOf);
      const body = await app.store.tile({ layer, tile: coord.value, filter, ...(at ? { at } : {}) });
      reply.header('Cache-Control', CACHE_CONTROL);
      if (!body) return reply.code(204).send(null);
      const etag = `"${createHash('sha1').update(body).digest('base64url')}"`;
      reply.header('ETag', etag);
      if (matchesEtag(request.headers['if-none-match'], etag)) return reply.code(304).send(null);
      return reply.type(MVT_CONTENT_TYPE).send(Buffer.from(body.buffer, body.byteOffset, body.byteLength));
    },
  );
};

export default tiles;
