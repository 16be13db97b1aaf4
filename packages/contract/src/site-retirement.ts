import { Type, type Static } from 'typebox';
import { MAX_NOTE_LENGTH } from './enforcement';
import { StatusSchema } from './layers';

/**
 * DELETE /api/sites/:id (admin): retires a wrong site, and POST /api/sites/:id/restore brings it back. The
 * version is the one the admin read (409 VERSION_CONFLICT when the site changed since); the reason is required
 * and goes to the audit row written in the same transaction. A retired site is left out of every read and export.
 */
export const SiteRetirementBody = Type.Object(
  {
    version: Type.Integer({ minimum: 1 }),
    reason: Type.String({ minLength: 1, maxLength: MAX_NOTE_LENGTH, description: 'why; not blank' }),
  },
  { additionalProperties: false },
);
export type SiteRetirementBody = Static<typeof SiteRetirementBody>;

/** A retired site as an admin lists it (GET /api/sites/retired) and as retiring one answers. */
export const RetiredSite = Type.Object({
  id: Type.Integer(),
  externalId: Type.String(),
  name: Type.String(),
  nameZh: Type.String(),
  status: StatusSchema,
  loadMw: Type.Number(),
  retiredAt: Type.String({ description: 'ISO 8601 UTC' }),
  retiredBy: Type.String(),
  reason: Type.String(),
  /** The version a restore names. */
  version: Type.Integer(),
});
export type RetiredSite = Static<typeof RetiredSite>;

/** GET /api/sites/retired: the retired sites, the latest retired first. */
export const RetiredSiteList = Type.Array(RetiredSite);
