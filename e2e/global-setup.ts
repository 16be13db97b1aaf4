import { expect, request, type FullConfig } from '@playwright/test';
import { originOf } from './support/fixtures';
import { USERS } from './support/users';

/**
 * Creates the enforcer and the viewer on every server under test, as the admin, through the API. Each request
 * goes to the server's own origin: a write whose Origin names another site is refused.
 */
export default async function globalSetup(config: FullConfig): Promise<void> {
  for (const project of config.projects) {
    const baseURL = project.use.baseURL;
    if (!baseURL) continue;
    const admin = await request.newContext({ baseURL, extraHTTPHeaders: originOf(baseURL) });
    const login = await admin.post('/api/auth/login', { data: USERS.admin });
    expect(login.status(), `admin login on ${baseURL}`).toBe(200);
    for (const role of ['enforcer', 'viewer'] as const) {
      const created = await admin.post('/api/users', { data: { ...USERS[role], role } });
      // 409: a server kept from an earlier run already has the user.
      expect([201, 409], `creating ${role} on ${baseURL}`).toContain(created.status());
    }
    await admin.dispose();
  }
}
