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
    async () => {
      // An operator (or a load balancer's check) sees at once whether reads fall back to the primary.
      const replica = app.store.replicaState();
      return {
        status: 'ok' as const,
        backend: app.store.backend,
        version: VERSION,
        ...(replica ? { replica: { usable: replica.usable, lagMs: replica.lagMs } } : {}),
      };
    },
  );
};

export default health;
