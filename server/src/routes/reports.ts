import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  errorResponses,
  IdParams,
  OpenReportBody,
  ReportList,
  ReportListQuery,
  ReportOut,
  ReviewReportBody,
  SubmitReportBody,
  UpdateReportBody,
} from '@gridwatch/contract';
import { Type } from 'typebox';
import { parsePeriod } from '../domain/reports';
import { AppError, notFound, validationFailed } from '../http/app-error';
import { reportOrThrow } from '../http/report-refusal';
import { reportPdf } from '../services/report-pdf';
import { periodOf, reportSummary, reportView } from '../services/report-view';
import type { ReportWriter } from '../store/store';

/**
 * The utilities' periodic reports (issue 12, docs/reports.md): a utility's enforcer opens, edits and submits
 * its own utility's report; the regulator's enforcers and admins accept or return it. Who may take a step and
 * in which state is the domain's state machine (checkReportTransition); the store keeps the scope (another
 * utility's report is not there: 404), the version and the audit row of every step.
 */
const reports: FastifyPluginAsyncTypebox = async (app) => {
  const writer = (user: { username: string; role: ReportWriter['role']; utilityId: number | null }) => ({
    username: user.username,
    role: user.role,
    utilityId: user.utilityId,
  });
  const view = async (report: Parameters<typeof reportView>[1]) => {
    const { schedule } = await app.store.reportSchedule();
    return reportView(app.store, report, schedule, Date.now());
  };
  const writeErrors = errorResponses(400, 401, 403, 404, 409, 413, 415);

  app.get(
    '/api/reports',
    {
      config: { access: 'read' },
      schema: {
        tags: ['reports'],
        description:
          "Revisions of the utilities' reports (a utility's user: its own only), by utility, period, revision.",
        querystring: ReportListQuery,
        response: { 200: ReportList, ...errorResponses(400, 401) },
      },
    },
    async (request) => {
      const { schedule } = await app.store.reportSchedule();
      const list = await app.store.reports.list(request.query);
      return list.map((r) => reportSummary(r, schedule));
    },
  );

  app.get(
    '/api/reports/:id',
    {
      config: { access: 'read' },
      schema: {
        tags: ['reports'],
        description:
          "A report: a draft's figures from the records now; a submitted revision's frozen content, with the " +
          'discrepancies between it and the records now, and every revision of its utility and period.',
        params: IdParams,
        response: { 200: ReportOut, ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => {
      const report = await app.store.reports.find(request.params.id);
      if (!report) throw notFound(`No report with id ${request.params.id}`);
      return view(report);
    },
  );

  app.get(
    '/api/reports/:id.pdf',
    {
      config: { access: 'read', responseCheck: 'exempt' },
      schema: {
        tags: ['reports'],
        description:
          'A submitted (returned, accepted) revision as a PDF download: the utility, period, revision, ' +
          'figures, sites, changes, narrative, attachments and the SHA-256 of the frozen content. 409 ' +
          'NOT_SUBMITTED for a draft.',
        params: IdParams,
        response: {
          200: Type.Unknown({ description: 'application/pdf, Content-Disposition: attachment' }),
          ...errorResponses(400, 401, 404, 409),
        },
      },
    },
    async (request, reply) => {
      const report = await app.store.reports.find(request.params.id);
      if (!report) throw notFound(`No report with id ${request.params.id}`);
      if (report.content === null) {
        throw new AppError(409, 'NOT_SUBMITTED', 'A draft has no PDF: the report is printed once submitted');
      }
      const pdf = await reportPdf(await view(report));
      const name = `report-${report.utilityId}-${report.period}-r${report.revision}.pdf`;
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="${name}"`)
        .header('cache-control', 'private, no-store')
        .send(pdf);
    },
  );

  app.post(
    '/api/reports',
    {
      config: { access: 'write' },
      schema: {
        tags: ['reports'],
        description:
          "A utility's enforcer opens its utility's report for a period: a draft pre-filled from the records, " +
          'or, after a return, the next revision (the narrative and attachments copied).',
        body: OpenReportBody,
        response: { 201: ReportOut, ...writeErrors },
      },
    },
    async (request, reply) => {
      const user = request.user!;
      if (user.utilityId === null) {
        throw new AppError(403, 'FORBIDDEN', "Only a utility's enforcers open its report");
      }
      const { schedule } = await app.store.reportSchedule();
      const parsed = parsePeriod(request.body.period, schedule);
      if (!parsed.ok) {
        throw validationFailed(`period ${request.body.period}: ${parsed.reason}`, [
          { in: 'body', path: '/period', message: parsed.reason },
        ]);
      }
      const outcome = await app.store.reports.open(user.utilityId, parsed.value, writer(user));
      return reply.code(201).send(await view(reportOrThrow(outcome)));
    },
  );

  app.patch(
    '/api/reports/:id',
    {
      config: { access: 'write' },
      schema: {
        tags: ['reports'],
        description: 'Edits a draft: its narrative and its attachments (the set after the edit).',
        params: IdParams,
        body: UpdateReportBody,
        response: { 200: ReportOut, ...writeErrors },
      },
    },
    async (request) => {
      const { version, ...change } = request.body;
      const outcome = await app.store.reports.edit(request.params.id, change, version, writer(request.user!));
      return view(reportOrThrow(outcome, change.attachmentIds));
    },
  );

  app.post(
    '/api/reports/:id/submit',
    {
      config: { access: 'write' },
      schema: {
        tags: ['reports'],
        description:
          'Submits a draft: its content is frozen as canonical JSON with its SHA-256 and never rewritten.',
        params: IdParams,
        body: SubmitReportBody,
        response: { 200: ReportOut, ...writeErrors },
      },
    },
    async (request) => {
      const { id } = request.params;
      const report = await app.store.reports.find(id);
      if (!report) throw notFound(`No report with id ${id}`);
      const { schedule } = await app.store.reportSchedule();
      const period = periodOf(schedule, report.period);
      const outcome = await app.store.reports.submit(
        id,
        period,
        request.body.version,
        writer(request.user!),
        Date.now(),
      );
      return view(reportOrThrow(outcome));
    },
  );

  app.post(
    '/api/reports/:id/review',
    {
      config: { access: 'write' },
      schema: {
        tags: ['reports'],
        description:
          "The regulator's review of a submitted report (its enforcers and admins): accept, or return with " +
          'a comment saying what to change (400 NOTE_REQUIRED without one).',
        params: IdParams,
        body: ReviewReportBody,
        response: { 200: ReportOut, ...writeErrors },
      },
    },
    async (request) => {
      const { decision, comment, version } = request.body;
      const outcome = await app.store.reports.review(
        request.params.id,
        decision as 'accept' | 'return',
        comment,
        version,
        writer(request.user!),
      );
      return view(reportOrThrow(outcome));
    },
  );
};

export default reports;
