import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ErrorBody } from '@gridwatch/contract';
import { SearchHit, SearchQuery } from '@gridwatch/contract';

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
        response: { 200: Type.Array(SearchHit), 400: ErrorBody },
      },
    },
    async (request) => app.store.search(request.query.q.trim(), request.query.limit),
  );
};

export default search;
