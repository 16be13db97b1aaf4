import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AuditList, AuditQuery, errorResponses } from '@gridwatch/contract';

/** The audit trails (site statuses, zones, imports, users) for admins, newest first, paged by id. */
const audit: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/audit',
    {
      config: { access: 'admin' },
      schema: {
        tags: ['audit'],
        querystring: AuditQuery,
        response: { 200: AuditList, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => {
      const { entity, id, limit, before } = request.query;
      if (entity === 'site') {
        // Site statuses keep their own append-only trail: status_changes.
        const changes = await app.store.sites.changes({
          ...(id !== undefined ? { siteId: id } : {}),
          ...(before !== undefined ? { before } : {}),
          limit,
        });
        return changes.map((c) => ({
          id: c.id,
          entity: 'site',
          entityId: c.siteId,
          action: 'status',
          username: c.username,
          at: c.at,
          details: {
            from: c.fromStatus,
            to: c.toStatus,
            note: c.note,
            zoneId: c.zoneId,
            observedAt: c.observedAt,
          },
        }));
      }
      return app.store.listAudit({
        ...(entity ? { entity } : {}),
        ...(id !== undefined ? { entityId: id } : {}),
        ...(before !== undefined ? { before } : {}),
        limit,
      });
    },
  );
};

export default audit;
