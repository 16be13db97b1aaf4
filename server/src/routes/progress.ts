import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  errorResponses,
  ProgressQuery,
  ProgressReport,
  ProgressSeries,
  ProgressSeriesQuery,
} from '@gridwatch/contract';
import { progressReport, progressReportSeries } from '../services/progress-report';

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
        response: { 200: ProgressReport, ...errorResponses(400, 401) },
      },
    },
    async (request) => progressReport(app.store, request.query, Date.now()),
  );

  app.get(
    '/api/reports/progress/series',
    {
      config: { access: 'read' },
      schema: {
        tags: ['reports'],
        description:
          'Share done and load still drawing of each utility over time: the progress report of every ' +
          'stepDays-th day from start to the earlier of asOf and deadline (and that day), at most 400 dates.',
        querystring: ProgressSeriesQuery,
        response: { 200: ProgressSeries, ...errorResponses(400, 401) },
      },
    },
    async (request) => progressReportSeries(app.store, request.query, Date.now()),
  );
};

export default progress;
