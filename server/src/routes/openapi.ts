import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { FastifyPluginAsync } from 'fastify';
import fp from 'fastify-plugin';
import { VERSION } from '../version';

/** The OpenAPI document of every route (from their TypeBox schemas) at /api/openapi.json, browsable at /api/docs. */
const openapi: FastifyPluginAsync = async (app) => {
  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'gridwatch API',
        version: VERSION,
        description:
          'Mining load on the grid: layers, spatial queries, enforcement. The schemas are those of the ' +
          "repository's packages/contract; its docs/ folder records the decisions behind them.",
      },
    },
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });
  // The OpenAPI document describes the schemas and has none of its own: exempt from the response check.
  const config = { access: 'public', responseCheck: 'exempt' } as const;
  app.get('/api/openapi.json', { config, schema: { hide: true } }, async () => app.swagger());
};

// Not encapsulated: @fastify/swagger must see the routes registered after it, in the parent context.
export default fp(openapi);
