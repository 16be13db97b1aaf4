import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { errorResponses, Health } from '@gridwatch/contract';
import { VERSION } from '../version';

const health: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/health',
    {
      config: { access: 'public' },
      schema: { tags: ['meta'], response: { 200: Health, ...errorResponses() } },
    },
    async () => ({
      status: 'ok' as const,
      backend: app.store.backend,
      version: VERSION,
    }),
  );
};

export default health;
