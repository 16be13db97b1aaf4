import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../auth/session-token';
import { resetPassword } from '../tools/admin';
import { SMALL_SEED } from '../../test/fixtures/small-seed';
import { BACKENDS, makeTestApp, testPassword, type TestApp } from '../../test/test-app';

/** Issue 13: the first question a page asks, a user's own password, and the admin's reset from the command line. */
describe.each(BACKENDS)('session, own password and reset on %s', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await makeTestApp(SMALL_SEED, backend, { publicRead: false });
  });
  afterAll(async () => t.close());

  const inject = (method: 'GET' | 'POST', url: string, cookie?: string, payload?: object) =>
    t.app.inject({ method, url, ...(payload ? { payload } : {}), headers: cookie ? { cookie } : {} });

  it('answers the session question with 200 either way', async () => {
    const nobody = await inject('GET', '/api/auth/session');
    expect(nobody.statusCode).toBe(200);
    expect(nobody.json()).toEqual({ user: null, publicRead: false });
    const cookie = await t.login('viewer');
    expect((await inject('GET', '/api/auth/session', cookie)).json()).toEqual({
      user: { username: 'viewer', role: 'viewer', utilityId: null, utilityName: null, utilityNameZh: null },
      publicRead: false,
    });
  });

  it('changes a password with the current one, ending every other session of the user', async () => {
    const other = await t.login('enforcer');
    const mine = await t.login('enforcer');
    const newPassword = 'correct horse battery staple 13';
    expect(
      (await inject('POST', '/api/auth/password', undefined, { currentPassword: 'x', newPassword }))
        .statusCode,
    ).toBe(401);
    const wrong = await inject('POST', '/api/auth/password', mine, {
      currentPassword: 'not it',
      newPassword,
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.message).toBe('The current password is wrong');
    const weak = await inject('POST', '/api/auth/password', mine, {
      currentPassword: testPassword('enforcer'),
      newPassword: 'password1234',
    });
    expect(weak.statusCode).toBe(400);

    const changed = await inject('POST', '/api/auth/password', mine, {
      currentPassword: testPassword('enforcer'),
      newPassword,
    });
    expect(changed.statusCode).toBe(204);
    const renewed = `${SESSION_COOKIE}=${changed.cookies[0]!.value}`;
    expect((await inject('GET', '/api/layers', renewed)).statusCode).toBe(200);
    expect((await inject('GET', '/api/layers', other)).statusCode).toBe(401);
    expect((await inject('GET', '/api/layers', mine)).statusCode).toBe(401);
    const login = (password: string) =>
      inject('POST', '/api/auth/login', undefined, { username: 'enforcer', password });
    expect((await login(testPassword('enforcer'))).statusCode).toBe(401);
    expect((await login(newPassword)).statusCode).toBe(200);
  });

  it('resets a locked-out admin from the command line: a new password, every session ended', async () => {
    const before = await t.login('admin');
    expect(await resetPassword(t.store, 'nobody-here')).toBeNull();
    const password = await resetPassword(t.store, 'admin');
    expect(password).toEqual(expect.any(String));
    expect((await inject('GET', '/api/layers', before)).statusCode).toBe(401);
    const login = await inject('POST', '/api/auth/login', undefined, {
      username: 'admin',
      password: password!,
    });
    expect(login.statusCode).toBe(200);
  });
});
