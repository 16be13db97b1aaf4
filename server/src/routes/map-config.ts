import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { errorResponses, MapConfig } from '@gridwatch/contract';

/** What the map needs of the deployment: the online basemap it may offer (GRIDWATCH_BASEMAP_URL), or none. */
const mapConfig: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/map-config',
    {
      config: { access: 'read' },
      schema: { tags: ['meta'], response: { 200: MapConfig, ...errorResponses(401) } },
    },
    async () => ({
      onlineBasemap: app.config.onlineBasemap,
      pmtilesBasemap: app.basemap && {
        tiles: '/api/basemap/{z}/{x}/{y}.mvt',
        minzoom: app.basemap.minZoom,
        maxzoom: app.basemap.maxZoom,
        bounds: app.basemap.bounds,
        schema: 'protomaps-v4' as const,
      },
    }),
  );
};

export default mapConfig;
