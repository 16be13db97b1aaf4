import { Type, type Static } from 'typebox';

/** Query string of GET /api/audit: one trail (or all), paged by id, newest first. */
export const AuditQuery = Type.Object(
  {
    entity: Type.Optional(Type.Enum(['site', 'zone', 'user', 'import', 'report', 'schedule'])),
    id: Type.Optional(Type.Integer({ minimum: 1 })),
    limit: Type.Integer({ minimum: 1, maximum: 500, default: 100 }),
    before: Type.Optional(Type.Integer({ minimum: 1, description: 'page: records older than this id' })),
  },
  { additionalProperties: false },
);
export type AuditQuery = Static<typeof AuditQuery>;

export const AuditRecord = Type.Object({
  id: Type.Integer(),
  entity: Type.String(),
  entityId: Type.Union([Type.Integer(), Type.Null()]),
  action: Type.String(),
  username: Type.String(),
  at: Type.String(),
  details: Type.Unknown(),
});
export type AuditRecord = Static<typeof AuditRecord>;

export const AuditList = Type.Array(AuditRecord);
