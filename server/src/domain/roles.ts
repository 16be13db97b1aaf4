/**
 * Who may do what (API.md, "Auth"): viewers read, enforcers also write sites and zones, admins also import,
 * read the audit trail and manage users. Every route declares one access level; one hook decides.
 */
export const ROLES = ['viewer', 'enforcer', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** `public`: anyone (health, login); `read`: any role, or anyone when public read is on. */
export type Access = 'public' | 'read' | 'write' | 'admin';

const MINIMUM_ROLE: Record<Exclude<Access, 'public' | 'read'>, Role> = { write: 'enforcer', admin: 'admin' };

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

export type AccessDecision = 'allow' | 'unauthenticated' | 'forbidden';

export function decideAccess(access: Access, role: Role | null, publicRead: boolean): AccessDecision {
  if (access === 'public') return 'allow';
  if (access === 'read') return role !== null || publicRead ? 'allow' : 'unauthenticated';
  if (role === null) return 'unauthenticated';
  return ROLES.indexOf(role) >= ROLES.indexOf(MINIMUM_ROLE[access]) ? 'allow' : 'forbidden';
}
