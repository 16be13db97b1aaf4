import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { errorResponses, NoContent, TileBody } from '@gridwatch/contract';
import { Type } from 'typebox';
import { validationFailed } from '../http/app-error';

const Params = Type.Object({ z: Type.String(), x: Type.String(), y: Type.String() });

/** z/x/y as whole numbers within the zoom's grid, else a 400 naming the part. */
function tileOf(params: { z: string; x: string; y: string }): [number, number, number] {
  const [z, x, y] = [params.z, params.x, params.y].map((v) => (/^\d{1,8}$/.test(v) ? Number(v) : NaN)) as [
    number,
    number,
    number,
  ];
  const bad =
    Number.isNaN(z) || z > 24
      ? 'z'
      : Number.isNaN(x) || x >= 2 ** z
        ? 'x'
        : Number.isNaN(y) || y >= 2 ** z
          ? 'y'
          : null;
  if (bad) {
    const message = `${bad} is not a tile coordinate of zoom ${params.z}`;
    throw validationFailed(message, [{ in: 'params', path: `/${bad}`, message }]);
  }
  return [z, x, y];
}

/**
 * The local PMTiles basemap as vector tiles (GRIDWATCH_BASEMAP_PMTILES, docs/basemap.md), read from the archive
 * by byte range. Tiles are the client's to cache: the file changes only with a redeploy, so a day's max-age and
 * the service worker's copy (docs/offline.md) are safe. Not registered without an archive.
 */
const basemapTiles: FastifyPluginAsyncTypebox = async (app) => {
  const archive = app.basemap;
  if (!archive) return;
  app.get(
    '/api/basemap/:z/:x/:y.mvt',
    {
      config: { access: 'read' },
      schema: {
        tags: ['tiles'],
        description:
          "A vector tile of the deployment's PMTiles basemap, in Protomaps' basemap schema (v4); 204 when the " +
          'archive holds none there.',
        params: Params,
        response: { 200: TileBody, 204: NoContent, ...errorResponses(400, 401) },
      },
    },
    async (request, reply) => {
      const [z, x, y] = tileOf(request.params);
      const tile = await archive.tile(z, x, y);
      reply.header('cache-control', 'private, max-age=86400');
      if (!tile || tile.length === 0) return reply.code(204).send(null);
      return reply.type('application/vnd.mapbox-vector-tile').send(Buffer.from(tile));
    },
  );
};

export default basemapTiles;
