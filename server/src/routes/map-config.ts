import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { MapConfig } from '@gridwatch/contract';

/** What the map needs of the deployment: the online basemap it may offer (GRIDWATCH_BASEMAP_URL), or none. */
const mapConfig: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/map-config',
    { config: { access: 'read' }, schema: { tags: ['meta'], response: { 200: MapConfig } } },
    async () => ({ onlineBasemap: app.config.onlineBasemap }),
  );
};

export default mapConfig;
