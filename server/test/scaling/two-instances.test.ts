/**
 * Issue 17: any number of app processes on one database serve the same users. Two instances here, each with its
 * own store and memory on one database (docs/scaling.md, "Which state lives where"): a login on one and the next
 * request on the other behave as on one instance.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../../src/auth/session-token';
import { SMALL_SEED } from '../fixtures/small-seed';
import { BACKENDS, makeTestApp, testPassword, type TestApp } from '../test-app';
import { secondInstance } from './second-instance';

describe.each(BACKENDS)('two app instances on one %s database', (backend) => {
  let a: TestApp;
  let b: Awaited<ReturnType<typeof secondInstance>>;
  beforeAll(async () => {
    a = await makeTestApp(SMALL_SEED, backend, { publicRead: false });
    b = await secondInstance(a.databaseUrl);
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  const origin = { origin: 'http://localhost:80' };
  const login = (app: TestApp['app'], username: string, password: string, remoteAddress: string) =>
    app.inject({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress,
      headers: origin,
      payload: { username, password },
    });

  it('a session opened on A is served by B, and a logout on A ends it on B', async () => {
    const res = await login(a.app, 'viewer', testPassword('viewer'), '198.51.100.1');
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === SESSION_COOKIE)!;
    const headers = { cookie: `${cookie.name}=${cookie.value}`, ...origin };
    expect((await b.app.inject({ url: '/api/auth/me', headers })).json().username).toBe('viewer');
    expect((await b.app.inject({ url: '/api/layers/sites', headers })).statusCode).toBe(200);
    expect((await a.app.inject({ method: 'POST', url: '/api/auth/logout', headers })).statusCode).toBe(204);
    expect((await b.app.inject({ url: '/api/layers/sites', headers })).statusCode).toBe(401);
  });

  it('the login back-off tripped through A holds on B, and a login through B clears it for A', async () => {
    for (let i = 0; i < 5; i++) {
      expect((await login(a.app, 'enforcer', `wrong ${i}`, '203.0.113.40')).statusCode).toBe(401);
    }
    expect((await login(b.app, 'enforcer', testPassword('enforcer'), '203.0.113.40')).statusCode).toBe(429);
    // The same user from another address logs in through B, and the pair's count is B's and A's alike.
    expect((await login(b.app, 'enforcer', testPassword('enforcer'), '203.0.113.41')).statusCode).toBe(200);
    expect((await login(a.app, 'enforcer', testPassword('enforcer'), '203.0.113.40')).statusCode).toBe(429);
  });
});
