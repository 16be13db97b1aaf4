import type { Role } from '../api';

/** What the interface offers a role; the server decides anyway (docs/auth-and-audit.md), this only hides what it would refuse. */
export interface Permissions {
  changeStatus: boolean;
  editZones: boolean;
  importData: boolean;
  /** Retire a wrong site (a soft delete, audited): admins only. */
  retireSites: boolean;
  /** Open, write and submit the utility's periodic report: a utility's enforcers (docs/utilities.md). */
  writeReports: boolean;
  /** Accept or return a submitted report: the regulator's enforcers and admins. */
  reviewReports: boolean;
}

/**
 * `null` is nobody logged in, reading a public deployment. `utilityId` is the user's organisation: null for the
 * regulator, else the utility whose sites alone the user sees.
 */
export function permissionsOf(role: Role | null, utilityId: number | null = null): Permissions {
  const writes = role === 'enforcer' || role === 'admin';
  const admin = role === 'admin';
  return {
    changeStatus: writes,
    editZones: writes,
    importData: admin,
    retireSites: admin,
    writeReports: writes && utilityId !== null,
    reviewReports: writes && utilityId === null,
  };
}
