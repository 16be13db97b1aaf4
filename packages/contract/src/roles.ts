/** The roles a user may have (API.md, "Auth"): viewers read, enforcers also write, admins also manage. */
export const ROLES = ['viewer', 'enforcer', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
