/**
 * Who may do what (API.md, "Auth"): viewers read, enforcers also write sites and zones, admins also import,
 * read the audit trail and manage users. Every route declares one access level; one hook decides.
 */
import { ROLES, type Role } from '@gridwatch/contract';

/** `public`: anyone (health, login); `read`: any role, or anyone when public read is on. */
export type Access = 'public' | 'read' | 'write' | 'admin';

const MINIMUM_ROLE: Record<Exclude<Access, 'public' | 'read'>, Role> = { write: 'enforcer', admin: 'admin' };

export type AccessDecision = 'allow' | 'unauthenticated' | 'forbidden';

export function decideAccess(access: Access, role: Role | null, publicRead: boolean): AccessDecision {
  if (access === 'public') return 'allow';
  if (access === 'read') return role !== null || publicRead ? 'allow' : 'unauthenticated';
  if (role === null) return 'unauthenticated';
  return ROLES.indexOf(role) >= ROLES.indexOf(MINIMUM_ROLE[access]) ? 'allow' : 'forbidden';
}
