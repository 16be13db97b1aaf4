import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorBody } from '../api/errors';
import { ProgressQuery, ProgressReport } from '../api/progress';
import { progressReport } from '../services/progress-report';

/** The accountability report: how far each utility is with the sites it was found to feed (DOMAIN.md). */
const progress: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/reports/progress',
    {
      config: { access: 'read' },
      schema: {
        tags: ['reports'],
        description:
          'Progress of each utility against the deadline, from the status-change records as they stood at ' +
          'the end of asOf (days in Beijing time, UTC+8), with an unassigned row (utilityId null) when any ' +
          'site has no utility. MW to 3 decimals, shares to 4.',
        querystring: ProgressQuery,
        response: { 200: ProgressReport, 400: ErrorBody },
      },
    },
    async (request) => progressReport(app.store, request.query, Date.now()),
  );
};

export default progress;
