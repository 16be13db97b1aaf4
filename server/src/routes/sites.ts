import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  errorResponses,
  IdParams,
  LAYER_FEATURE,
  RetiredSite,
  RetiredSiteList,
  SiteRetirementBody,
  StatusChangeBody,
  StatusHistory,
} from '@gridwatch/contract';
import { checkObservedAt } from '../domain/observed-at';
import { AppError, notFound, validationFailed } from '../http/app-error';

/** A version conflict of a retirement or restore: 409 naming the site's version now. */
function versionConflict(id: number, currentVersion: number): AppError {
  return new AppError(
    409,
    'VERSION_CONFLICT',
    `Site ${id} was changed meanwhile (now version ${currentVersion})`,
    [{ currentVersion }],
  );
}

/** The reason of a retirement or restore, which the schema cannot see to be blank. */
function requireReason(reason: string): string {
  if (reason.trim() !== '') return reason;
  const message = 'the reason must not be blank';
  throw validationFailed(message, [{ in: 'body', path: '/reason', message }]);
}

/** A change's field time (docs/offline.md), checked before any write: 422 naming /observedAt when out of bounds. */
function observedInstant(raw: string | undefined): string | null {
  if (raw === undefined) return null;
  const checked = checkObservedAt(raw, new Date());
  if (checked.ok) return checked.instant;
  throw new AppError(422, 'OBSERVED_AT_INVALID', checked.message, [
    { in: 'body', path: '/observedAt', message: checked.message },
  ]);
}

/**
 * Status changes of a site (DOMAIN.md transitions, a note, the version) and their history; retiring a wrong site
 * and restoring it (admins, audited; docs/auth-and-audit.md).
 */
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
        response: { 200: LAYER_FEATURE.sites, ...errorResponses(400, 401, 403, 404, 409, 413, 415, 422) },
      },
    },
    async (request) => {
      const { id } = request.params;
      const { status, note, version, zoneId = null, attachmentIds = [] } = request.body;
      const observedAt = observedInstant(request.body.observedAt);
      if (zoneId !== null && !(await app.store.getFeature('zones', zoneId))) {
        throw new AppError(400, 'VALIDATION_FAILED', `No zone with id ${zoneId}`, [
          { in: 'body', path: '/zoneId', message: `no zone with id ${zoneId}` },
        ]);
      }
      const outcome = await app.store.sites.changeStatus(
        id,
        { status, note, version, zoneId, attachmentIds, observedAt },
        request.user!.username,
      );
      if (!outcome.ok) {
        if ('attachment' in outcome) {
          const { id: upload, reason } = outcome.attachment;
          const index = attachmentIds.indexOf(upload);
          throw new AppError(400, 'VALIDATION_FAILED', `Cannot attach upload ${upload}: ${reason}`, [
            { in: 'body', path: `/attachmentIds/${index}`, message: reason },
          ]);
        }
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

  app.delete(
    '/api/sites/:id',
    {
      config: { access: 'admin' },
      schema: {
        tags: ['enforcement'],
        description:
          'Retires a wrong site (soft delete): every read and export leaves it out from then on, its records ' +
          'stay. Names the version read (409 when the site changed since) and a reason, which is audited.',
        params: IdParams,
        body: SiteRetirementBody,
        response: { 200: RetiredSite, ...errorResponses(400, 401, 403, 404, 409, 413, 415) },
      },
    },
    async (request) => {
      const { id } = request.params;
      const reason = requireReason(request.body.reason);
      const outcome = await app.store.sites.retire(id, request.body.version, reason, request.user!.username);
      if (outcome.ok) return outcome.value;
      if (outcome.reason === 'version') throw versionConflict(id, outcome.currentVersion);
      throw notFound(`No site with id ${id} (or it is retired already: GET /api/sites/retired)`);
    },
  );

  app.post(
    '/api/sites/:id/restore',
    {
      config: { access: 'admin' },
      schema: {
        tags: ['enforcement'],
        description: 'Brings a retired site back into every read; names its version and a reason, audited.',
        params: IdParams,
        body: SiteRetirementBody,
        response: { 200: LAYER_FEATURE.sites, ...errorResponses(400, 401, 403, 404, 409, 413, 415) },
      },
    },
    async (request) => {
      const { id } = request.params;
      const reason = requireReason(request.body.reason);
      const outcome = await app.store.sites.restore(id, request.body.version, reason, request.user!.username);
      if (!outcome.ok) {
        if (outcome.reason === 'version') throw versionConflict(id, outcome.currentVersion);
        throw notFound(`No retired site with id ${id}`);
      }
      return outcome.value.feature;
    },
  );

  app.get(
    '/api/sites/retired',
    {
      config: { access: 'admin' },
      schema: {
        tags: ['enforcement'],
        description:
          'The retired sites (admins only), the latest retired first, with who retired each, when and why.',
        response: { 200: RetiredSiteList, ...errorResponses(401, 403) },
      },
    },
    async () => app.store.sites.retired(),
  );
};

export default sites;
