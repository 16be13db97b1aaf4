import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ErrorBody } from '@gridwatch/contract';

const AuditQuery = Type.Object(
  {
    entity: Type.Optional(Type.Enum(['site', 'zone', 'user', 'import'])),
    id: Type.Optional(Type.Integer({ minimum: 1 })),
    limit: Type.Integer({ minimum: 1, maximum: 500, default: 100 }),
    before: Type.Optional(Type.Integer({ minimum: 1, description: 'page: records older than this id' })),
  },
  { additionalProperties: false },
);

const AuditRecord = Type.Object({
  id: Type.Integer(),
  entity: Type.String(),
  entityId: Type.Union([Type.Integer(), Type.Null()]),
  action: Type.String(),
  username: Type.String(),
  at: Type.String(),
  details: Type.Unknown(),
});

/** The audit trails (site statuses, zones, imports, users) for admins, newest first, paged by id. */
const audit: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/audit',
    {
      config: { access: 'admin' },
      schema: {
        tags: ['audit'],
        querystring: AuditQuery,
        response: { 200: Type.Array(AuditRecord), 400: ErrorBody, 401: ErrorBody, 403: ErrorBody },
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
          details: { from: c.fromStatus, to: c.toStatus, note: c.note, zoneId: c.zoneId },
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
