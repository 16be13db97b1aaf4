import { test as base, expect, type APIRequestContext } from '@playwright/test';
import type { Role } from '../../client/src/api';
import { USERS } from './users';

interface Fixtures {
  /** Who the test is logged in as, page and `request` alike; `test.use({ role: 'viewer' })` to change. */
  role: Role;
}

/**
 * The Origin a browser sends on its writes: the server refuses a cookie-carrying write without one
 * (docs/security.md), and the tests' API calls stand in for the browser.
 */
export function originOf(baseURL: string | undefined): Record<string, string> {
  return baseURL ? { origin: new URL(baseURL).origin } : {};
}

/** Logs a request context in through the API; its cookie is the one the browser would get. */
export async function logIn(request: APIRequestContext, role: Role): Promise<void> {
  const response = await request.post('/api/auth/login', { data: USERS[role] });
  expect(response.status(), `login as ${role}`).toBe(200);
}

/**
 * The tests' `test`: every page and `request` starts logged in as `role` (admin unless a test says otherwise),
 * since reading needs a session. The session is made once per test through the API, not through the form
 * (auth.spec.ts tests the form).
 */
export const test = base.extend<Fixtures>({
  role: ['admin', { option: true }],
  storageState: async ({ role, baseURL, playwright }, use) => {
    const context = await playwright.request.newContext({ baseURL, extraHTTPHeaders: originOf(baseURL) });
    await logIn(context, role);
    const state = await context.storageState();
    await context.dispose();
    await use(state);
  },
  request: async ({ storageState, baseURL, playwright }, use) => {
    const context = await playwright.request.newContext({
      baseURL,
      storageState,
      extraHTTPHeaders: originOf(baseURL),
    });
    await use(context);
    await context.dispose();
  },
});

export { expect };
