import type { Role } from '../../client/src/api';

/**
 * The e2e users, one per role. `admin` is the server's first user (GRIDWATCH_ADMIN_PASSWORD, set by
 * playwright.config.ts); global-setup.ts creates the others through the API. Throwaway databases only.
 */
export const USERS: Record<Role, { username: string; password: string }> = {
  admin: { username: 'admin', password: 'e2e-admin-password' },
  enforcer: { username: 'enforcer', password: 'e2e-enforcer-password' },
  viewer: { username: 'viewer', password: 'e2e-viewer-password' },
};
