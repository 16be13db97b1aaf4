import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashSessionToken, SESSION_COOKIE } from '../auth/session-token';
import { SMALL_SEED } from '../../test/fixtures/small-seed';
import { BACKENDS, makeTestApp, testPassword, type TestApp } from '../../test/test-app';

describe.each(BACKENDS)('login, sessions and roles on %s', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await makeTestApp(SMALL_SEED, backend, { publicRead: false });
  });
  afterAll(async () => t.close());

  const inject = (
    method: 'GET' | 'POST' | 'PATCH',
    url: string,
    cookie?: string,
    payload?: object,
    headers = {},
  ) =>
    t.app.inject({
      method,
      url,
      ...(payload ? { payload } : {}),
      headers: { ...(cookie ? { cookie } : {}), ...headers },
    });

  it('answers health without a login, and reads with 401 UNAUTHENTICATED', async () => {
    expect((await inject('GET', '/api/health')).statusCode).toBe(200);
    const res = await inject('GET', '/api/layers');
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('UNAUTHENTICATED');
  });

  it('logs in with an httpOnly, SameSite=Strict cookie and says who is logged in', async () => {
    const res = await inject('POST', '/api/auth/login', undefined, {
      username: 'viewer',
      password: testPassword('viewer'),
    });
    expect(res.statusCode).toBe(200);
    // The regulator's users belong to no utility (docs/utilities.md).
    const regulator = { utilityId: null, utilityName: null, utilityNameZh: null };
    expect(res.json()).toEqual({ username: 'viewer', role: 'viewer', ...regulator });
    const setCookie = String(res.headers['set-cookie']);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    const cookie = `${SESSION_COOKIE}=${res.cookies[0]!.value}`;
    expect((await inject('GET', '/api/auth/me', cookie)).json()).toEqual({
      username: 'viewer',
      role: 'viewer',
      ...regulator,
    });
    expect((await inject('GET', '/api/layers', cookie)).statusCode).toBe(200);
  });

  it('refuses a wrong password, an unknown user and unknown fields', async () => {
    expect(
      (await inject('POST', '/api/auth/login', undefined, { username: 'admin', password: 'nope' }))
        .statusCode,
    ).toBe(401);
    expect(
      (await inject('POST', '/api/auth/login', undefined, { username: 'ghost', password: 'x' })).json().error
        .code,
    ).toBe('UNAUTHENTICATED');
    const extra = await inject('POST', '/api/auth/login', undefined, {
      username: 'admin',
      password: 'x',
      role: 'admin',
    });
    expect(extra.statusCode).toBe(400);
  });

  it('refuses a forged or tampered cookie', async () => {
    expect((await inject('GET', '/api/layers', `${SESSION_COOKIE}=forged-token`)).statusCode).toBe(401);
    const good = await t.login('viewer');
    const tampered = good.slice(0, -2) + (good.endsWith('AA') ? 'BB' : 'AA');
    expect((await inject('GET', '/api/layers', tampered)).statusCode).toBe(401);
  });

  it('refuses an expired session', async () => {
    const viewer = await t.store.users.findByName('viewer');
    await t.store.sessions.create(hashSessionToken('expired-token'), viewer!.id, '2020-01-01T00:00:00.000Z');
    expect((await inject('GET', '/api/layers', `${SESSION_COOKIE}=expired-token`)).statusCode).toBe(401);
  });

  it('ends the session at logout', async () => {
    const cookie = await t.login('enforcer');
    expect((await inject('POST', '/api/auth/logout', cookie)).statusCode).toBe(204);
    expect((await inject('GET', '/api/layers', cookie)).statusCode).toBe(401);
  });

  it('lets only admins manage users, audited', async () => {
    const body = { username: 'planner.hami', password: 'a long password', role: 'viewer' };
    expect((await inject('POST', '/api/users', await t.login('viewer'), body)).statusCode).toBe(403);
    expect((await inject('POST', '/api/users', await t.login('enforcer'), body)).statusCode).toBe(403);
    const admin = await t.login('admin');
    const created = await inject('POST', '/api/users', admin, body);
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ username: 'planner.hami', role: 'viewer', version: 1 });
    expect((await inject('POST', '/api/users', admin, body)).statusCode).toBe(409);
    const audit = (await inject('GET', '/api/audit?entity=user', admin)).json();
    expect(audit[0]).toMatchObject({
      entity: 'user',
      action: 'create',
      username: 'admin',
      details: { username: 'planner.hami' },
    });
    expect(JSON.stringify(audit)).not.toContain('a long password');
  });

  it.each([
    ['a version on create', { username: 'x.y', password: 'a long password', role: 'viewer', version: 3 }],
    ['a createdBy field', { username: 'x.y', password: 'a long password', role: 'viewer', createdBy: 'me' }],
    ['an unknown role', { username: 'x.y', password: 'a long password', role: 'root' }],
    ['a role as a list', { username: 'x.y', password: 'a long password', role: ['admin'] }],
  ])('refuses %s with 400', async (_name, body) => {
    const res = await inject('POST', '/api/users', await t.login('admin'), body);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
  });

  it('changes a user with its version, 409 on a stale one, and closes a disabled user’s sessions', async () => {
    const admin = await t.login('admin');
    const enforcerCookie = await t.login('enforcer');
    const enforcer = (await inject('GET', '/api/users', admin))
      .json()
      .find((u: { username: string }) => u.username === 'enforcer');
    const stale = await inject('PATCH', `/api/users/${enforcer.id}`, admin, {
      disabled: true,
      version: enforcer.version + 5,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({
      code: 'VERSION_CONFLICT',
      details: [{ currentVersion: enforcer.version }],
    });
    const ok = await inject('PATCH', `/api/users/${enforcer.id}`, admin, {
      disabled: true,
      version: enforcer.version,
    });
    expect(ok.json()).toMatchObject({ disabled: true, version: enforcer.version + 1 });
    expect((await inject('GET', '/api/layers', enforcerCookie)).statusCode).toBe(401);
    const again = await inject('POST', '/api/auth/login', undefined, {
      username: 'enforcer',
      password: testPassword('enforcer'),
    });
    expect(again.statusCode).toBe(401);
    await inject('PATCH', `/api/users/${enforcer.id}`, admin, {
      disabled: false,
      version: enforcer.version + 1,
    });
  });

  it('refuses a write whose Origin is another site with 403', async () => {
    const admin = await t.login('admin');
    const body = { username: 'cross.site', password: 'a long password', role: 'viewer' };
    const res = await inject('POST', '/api/users', admin, body, {
      origin: 'https://evil.example',
      host: 'localhost:3000',
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('FORBIDDEN');
    expect(
      (await inject('GET', '/api/users', admin))
        .json()
        .some((u: { username: string }) => u.username === 'cross.site'),
    ).toBe(false);
    const same = await inject('POST', '/api/users', admin, body, {
      origin: 'http://localhost:3000',
      host: 'localhost:3000',
    });
    expect(same.statusCode).toBe(201);
  });
});

describe('repeated failed logins', () => {
  it('are answered with 429, even to the right password, while other requests go on', async () => {
    const t = await makeTestApp(null, 'sqlite', { publicRead: false });
    try {
      const login = (password: string) =>
        t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin', password } });
      for (let i = 0; i < 5; i++) expect((await login(`wrong ${i}`)).statusCode).toBe(401);
      const res = await login(testPassword('admin'));
      expect(res.statusCode).toBe(429);
      expect(res.json().error.code).toBe('RATE_LIMITED');
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
      expect((await t.app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
    } finally {
      await t.close();
    }
  });
});
