/**
 * Issue 10, item 2: five wrong passwords from anywhere used to block `admin` for 15 minutes even with the right
 * password, and five from one address blocked every user behind it. Now the back-off is per (username, address)
 * and per address with a short cap, its state is in the database, and the client address is taken from a proxy
 * only when GRIDWATCH_TRUST_PROXY says so.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app';
import { loadConfig } from '../../src/config';
import { BACKENDS, makeTestApp, testPassword, type TestApp } from '../test-app';

describe.each(BACKENDS)('the login back-off on %s', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await makeTestApp(null, backend, { publicRead: false });
  });
  afterAll(async () => t.close());

  const login = (username: string, password: string, remoteAddress: string, app = t.app) =>
    app.inject({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress,
      payload: { username, password },
    });

  it('slows the guessing pair, but the right password from an address with no failures logs in', async () => {
    for (let i = 0; i < 5; i++)
      expect((await login('admin', `wrong ${i}`, '203.0.113.7')).statusCode).toBe(401);
    const guesser = await login('admin', testPassword('admin'), '203.0.113.7');
    expect(guesser.statusCode).toBe(429);
    expect(guesser.json().error.code).toBe('RATE_LIMITED');
    expect(Number(guesser.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    // The admin, elsewhere: no lockout.
    expect((await login('admin', testPassword('admin'), '198.51.100.20')).statusCode).toBe(200);
    // Another user behind the guesser's address (an office's NAT): untouched.
    expect((await login('viewer', testPassword('viewer'), '203.0.113.7')).statusCode).toBe(200);
  });

  it('keeps its counts in the database, so a second app instance on it sees them', async () => {
    for (let i = 0; i < 5; i++)
      expect((await login('enforcer', `wrong ${i}`, '203.0.113.9')).statusCode).toBe(401);
    const config = loadConfig({
      DATABASE_URL: t.databaseUrl,
      GRIDWATCH_SEED: 'none',
      LOG_LEVEL: 'silent',
      GRIDWATCH_PUBLIC_READ: 'false',
    });
    const second = await buildApp({ config, store: t.store, serveStatic: false });
    try {
      expect((await login('enforcer', testPassword('enforcer'), '203.0.113.9', second)).statusCode).toBe(429);
    } finally {
      await second.close();
    }
  });

  it('slows a password sprayer across usernames after 20 failures, for at most a minute', async () => {
    for (let i = 0; i < 20; i++) {
      expect((await login(`nobody${i}`, 'a wrong guess', '192.0.2.66')).statusCode).toBe(401);
    }
    const res = await login('viewer', testPassword('viewer'), '192.0.2.66');
    expect(res.statusCode).toBe(429);
    expect(Number(res.headers['retry-after'])).toBeLessThanOrEqual(60);
  });
});

describe('GRIDWATCH_TRUST_PROXY', () => {
  const failFiveTimes = async (t: TestApp, forwardedFor: string) => {
    for (let i = 0; i < 5; i++) {
      await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        remoteAddress: '127.0.0.1',
        headers: { 'x-forwarded-for': forwardedFor },
        payload: { username: 'admin', password: `wrong ${i}` },
      });
    }
  };
  const loginFrom = (t: TestApp, forwardedFor: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress: '127.0.0.1',
      headers: { 'x-forwarded-for': forwardedFor },
      payload: { username: 'admin', password: testPassword('admin') },
    });

  it('takes the client address from a trusted proxy', async () => {
    const t = await makeTestApp(null, 'sqlite', {
      publicRead: false,
      env: { GRIDWATCH_TRUST_PROXY: '127.0.0.1' },
    });
    try {
      await failFiveTimes(t, '203.0.113.50');
      expect((await loginFrom(t, '203.0.113.50')).statusCode).toBe(429);
      expect((await loginFrom(t, '203.0.113.51')).statusCode).toBe(200);
    } finally {
      await t.close();
    }
  });

  it('ignores X-Forwarded-For when no proxy is trusted (the default): the socket address counts', async () => {
    const t = await makeTestApp(null, 'sqlite', { publicRead: false });
    try {
      await failFiveTimes(t, '203.0.113.50');
      expect((await loginFrom(t, '203.0.113.51')).statusCode).toBe(429);
    } finally {
      await t.close();
    }
  });

  it('refuses a value that is none of true, false, a count or addresses', () => {
    expect(() => loadConfig({ GRIDWATCH_TRUST_PROXY: 'yes please' })).toThrow(/GRIDWATCH_TRUST_PROXY/);
  });
});
