import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  errorResponses,
  IdParams,
  LAYER_FEATURE,
  StatusChangeBody,
  StatusHistory,
} from '@gridwatch/contract';
import { AppError, notFound } from '../http/app-error';

/** Status changes of a site (DOMAIN.md transitions, a note, the version) and their history. */
const sites: FastifyPluginAsyncTypebox = async (app) => {
  app.patch(
    '/api/sites/:id',
    {
      config: { access: 'write' },
      schema: {
        tags: ['enforcement'],
        description: 'Changes the status of a site along an allowed transition, with a note; audited.',
        params: IdParams,
        body: StatusChangeBody,
        response: { 200: LAYER_FEATURE.sites, ...errorResponses(400, 401, 403, 404, 409, 413, 415) },
      },
    },
    async (request) => {
      const { id } = request.params;
      const { status, note, version, zoneId = null } = request.body;
      if (zoneId !== null && !(await app.store.getFeature('zones', zoneId))) {
        throw new AppError(400, 'VALIDATION_FAILED', `No zone with id ${zoneId}`, [
          { in: 'body', path: '/zoneId', message: `no zone with id ${zoneId}` },
        ]);
      }
      const outcome = await app.store.sites.changeStatus(
        id,
        { status, note, version, zoneId },
        request.user!.username,
      );
      if (!outcome.ok) {
        if (!outcome.refusal) throw notFound(`No site with id ${id}`);
        const { code, message, details } = outcome.refusal;
        throw new AppError(code === 'NOTE_REQUIRED' ? 400 : 409, code, message, details);
      }
      return outcome.feature;
    },
  );

  app.get(
    '/api/sites/:id/history',
    {
      config: { access: 'read' },
      schema: {
        tags: ['enforcement'],
        description: 'The status changes of a site, newest first.',
        params: IdParams,
        response: { 200: StatusHistory, ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => {
      const history = await app.store.sites.history(request.params.id);
      if (!history) throw notFound(`No site with id ${request.params.id}`);
      return history;
    },
  );
};

export default sites;
