import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { errorResponses, SearchHits, SearchQuery } from '@gridwatch/contract';

const search: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/search',
    {
      config: { access: 'read' },
      schema: {
        tags: ['layers'],
        description:
          'Substations, sites, lines and regions whose name, Chinese name or external id contains q; best first.',
        querystring: SearchQuery,
        response: { 200: SearchHits, ...errorResponses(400, 401) },
      },
    },
    async (request) => app.store.search(request.query.q.trim(), request.query.limit),
  );
};

export default search;
