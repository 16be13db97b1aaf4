import type { Role } from '../api';

/** What the interface offers a role; the server decides anyway (docs/auth-and-audit.md), this only hides what it would refuse. */
export interface Permissions {
  changeStatus: boolean;
  editZones: boolean;
  importData: boolean;
  /** Retire a wrong site (a soft delete, audited): admins only. */
  retireSites: boolean;
  /** Issue and revoke API tokens for GIS clients: admins only. */
  manageApiTokens: boolean;
}

/** `null` is nobody logged in, reading a public deployment. */
export function permissionsOf(role: Role | null): Permissions {
  const writes = role === 'enforcer' || role === 'admin';
  const admin = role === 'admin';
  return {
    changeStatus: writes,
    editZones: writes,
    importData: admin,
    retireSites: admin,
    manageApiTokens: admin,
  };
}
