/**
 * Issue 10, items 5 and 9: a password reset ends the user's sessions; expired sessions are purged and a user's
 * open sessions capped; weak passwords and look-alike usernames are refused; a weak GRIDWATCH_ADMIN_PASSWORD
 * stops the start.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureFirstAdmin } from '../../src/auth/first-admin';
import { SESSION_COOKIE } from '../../src/auth/session-token';
import { MAX_SESSIONS_PER_USER } from '../../src/store/records/sessions';
import { BACKENDS, makeTestApp, testPassword, type TestApp } from '../test-app';

describe.each(BACKENDS)('sessions and credentials on %s', (backend) => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await makeTestApp(null, backend, { publicRead: false });
    admin = await t.login('admin');
  });
  afterAll(async () => t.close());

  const send = (method: 'GET' | 'POST' | 'PATCH', url: string, cookie?: string, payload?: object) =>
    t.app.inject({ method, url, ...(payload ? { payload } : {}), headers: cookie ? { cookie } : {} });
  const userId = async (username: string) =>
    (
      (await send('GET', '/api/users', admin)).json() as { id: number; username: string; version: number }[]
    ).find((u) => u.username === username)!;

  it("ends the user's sessions when an admin resets the password", async () => {
    const created = await send('POST', '/api/users', admin, {
      username: 'reset.me',
      password: 'Tarim poplar 41 fences',
      role: 'enforcer',
    });
    expect(created.statusCode).toBe(201);
    const loginRes = await send('POST', '/api/auth/login', undefined, {
      username: 'reset.me',
      password: 'Tarim poplar 41 fences',
    });
    const old = `${SESSION_COOKIE}=${loginRes.cookies[0]!.value}`;
    expect((await send('GET', '/api/auth/me', old)).statusCode).toBe(200);
    const user = await userId('reset.me');
    const reset = await send('PATCH', `/api/users/${user.id}`, admin, {
      version: user.version,
      password: 'Kunlun glacier 9 ropes',
    });
    expect(reset.statusCode).toBe(200);
    expect((await send('GET', '/api/auth/me', old)).statusCode).toBe(401);
    const zone = await send('POST', '/api/zones', old, { name: 'after reset', geometry: null });
    expect(zone.statusCode).toBe(401);
  });

  it(`keeps at most ${MAX_SESSIONS_PER_USER} sessions per user, ending the oldest, and purges expired ones`, async () => {
    const cookies: string[] = [];
    for (let i = 0; i < MAX_SESSIONS_PER_USER + 2; i++) cookies.push(await t.login('viewer'));
    expect((await send('GET', '/api/auth/me', cookies[0])).statusCode).toBe(401);
    expect((await send('GET', '/api/auth/me', cookies[1])).statusCode).toBe(401);
    expect((await send('GET', '/api/auth/me', cookies.at(-1))).statusCode).toBe(200);
    // An expired session of another user disappears at the next login of anyone.
    await t.store.sessions.create(
      'expired-token-hash',
      (await userId('enforcer')).id,
      '2000-01-01T00:00:00.000Z',
    );
    await t.login('viewer');
    const left = await t.store.sessions.findUser('expired-token-hash');
    expect(left).toBeNull();
  });

  it.each([
    ['ten letters', 'aaaaaaaaaa', /12 characters/],
    ['a common password', 'password1234', /too easy/],
    ['a keyboard walk', 'qwertyuiop123', /too easy/],
    ['the username', 'weak.password.user', /be the username/],
    ['ten spaces and two', '            ', /only spaces/],
  ])('refuses %s as a password, naming /password, and writes nothing', async (_name, password, reason) => {
    const before = (await send('GET', '/api/users', admin)).json().length;
    const res = await send('POST', '/api/users', admin, {
      username: 'weak.password.user',
      password,
      role: 'viewer',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(reason);
    expect(res.json().error.details[0].path).toBe('/password');
    expect((await send('GET', '/api/users', admin)).json().length).toBe(before);
  });

  it('refuses a weak password on reset too', async () => {
    const user = await userId('viewer');
    const res = await send('PATCH', `/api/users/${user.id}`, admin, {
      version: user.version,
      password: 'aaaaaaaaaaaa',
    });
    expect(res.statusCode).toBe(400);
  });

  it.each(['Admin', 'ADMIN', 'admin.', 'adm1n', 'a-d-m-i-n'])(
    'refuses the username %s beside admin',
    async (name) => {
      const res = await send('POST', '/api/users', admin, {
        username: name,
        password: 'Altay larch 63 saddles',
        role: 'admin',
      });
      expect(res.statusCode).toBe(409);
      expect(res.json().error.code).toBe('USERNAME_TAKEN');
    },
  );
});

describe('the first admin', () => {
  it('is refused a weak GRIDWATCH_ADMIN_PASSWORD, and takes a strong one', async () => {
    const { createThrowawayStore } = await import('../throwaway-database');
    const { openStore } = await import('../../src/store/open-store');
    const { loadConfig } = await import('../../src/config');
    const database = await createThrowawayStore('sqlite');
    const store = await openStore(loadConfig({ DATABASE_URL: database.url }).store, {});
    const log = { info: () => undefined } as unknown as Parameters<typeof ensureFirstAdmin>[2];
    try {
      await expect(ensureFirstAdmin(store, 'password1234', log)).rejects.toThrow(/GRIDWATCH_ADMIN_PASSWORD/);
      expect(await store.users.count()).toBe(0);
      await ensureFirstAdmin(store, testPassword('admin'), log);
      expect(await store.users.count()).toBe(1);
    } finally {
      await store.close();
      await database.drop();
    }
  });
});
