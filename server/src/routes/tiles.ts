import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { errorResponses, NoContent, TileBody, TileParams, TileQuery } from '@gridwatch/contract';
import { answerTile } from '../services/tile-answer';
import { TILE_POINT_CAP } from '../store/tile-request';

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
      const { v: _cacheBuster, ...query } = request.query;
      return answerTile(app.store, request, reply, { ...request.params, query });
    },
  );
};

export default tiles;
