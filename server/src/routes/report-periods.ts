import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  errorResponses,
  OverviewQuery,
  ReportPeriods,
  ReportsOverview,
  UpdateScheduleBody,
} from '@gridwatch/contract';
import { parsePeriod, periodsOf } from '../domain/reports';
import { AppError, validationFailed } from '../http/app-error';
import { reportsOverview } from '../services/report-view';

/** The reporting schedule (stored, changed by admins, audited), its periods, and the regulator's overview. */
const reportPeriods: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/reports/periods',
    {
      config: { access: 'read' },
      schema: {
        tags: ['reports'],
        description:
          'The reporting schedule in force and its periods (each month of the campaign, then final).',
        response: { 200: ReportPeriods, ...errorResponses(401) },
      },
    },
    async () => {
      const { schedule, version } = await app.store.reportSchedule();
      return { schedule, scheduleVersion: version, periods: periodsOf(schedule) };
    },
  );

  app.put(
    '/api/reports/schedule',
    {
      config: { access: 'admin' },
      schema: {
        tags: ['reports'],
        description:
          'Changes the schedule at the version read (audited). The days of a period that already has a ' +
          'report may not move; the grace days may.',
        body: UpdateScheduleBody,
        response: { 200: ReportPeriods, ...errorResponses(400, 401, 403, 409, 413, 415) },
      },
    },
    async (request) => {
      const { version, ...next } = request.body;
      const outcome = await app.store.setReportSchedule(next, version, request.user!.username);
      if (outcome.ok) {
        const { schedule } = outcome.value;
        return { schedule, scheduleVersion: outcome.value.version, periods: periodsOf(schedule) };
      }
      if (outcome.reason === 'version') {
        throw new AppError(
          409,
          'VERSION_CONFLICT',
          `The schedule was changed meanwhile (now version ${outcome.currentVersion})`,
          [{ currentVersion: outcome.currentVersion }],
        );
      }
      throw validationFailed(
        outcome.errors.map((e) => e.message).join('; '),
        outcome.errors.map((e) => ({ in: 'body', path: e.path, message: e.message })),
      );
    },
  );

  app.get(
    '/api/reports/overview',
    {
      config: { access: 'read' },
      schema: {
        tags: ['reports'],
        description:
          "Every utility's standing for the period (a utility's user: its own row), what needs attention " +
          'first: missing and late, returned, nothing found, behind schedule, the rest.',
        querystring: OverviewQuery,
        response: { 200: ReportsOverview, ...errorResponses(400, 401) },
      },
    },
    async (request) => {
      const { schedule } = await app.store.reportSchedule();
      const parsed = parsePeriod(request.query.period, schedule);
      if (!parsed.ok) {
        throw validationFailed(`period ${request.query.period}: ${parsed.reason}`, [
          { in: 'querystring', path: '/period', message: parsed.reason },
        ]);
      }
      return reportsOverview(app.store, schedule, parsed.value, Date.now());
    },
  );
};

export default reportPeriods;
