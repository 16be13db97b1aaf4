/**
 * Issue 15: read-only API tokens for GIS clients. Issued by an admin for a user, shown once, stored hashed; they
 * carry the user's current role, never write, and stop at once when revoked, expired or the user is disabled.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashApiToken, newApiToken } from '../../src/auth/api-token';
import { SMALL_SEED } from '../fixtures/small-seed';
import { BACKENDS, makeTestApp, type TestApp } from '../test-app';

describe.each(BACKENDS)('API tokens on %s', (backend) => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    // Public read on: a bad token must still be refused, not taken for an anonymous reader.
    t = await makeTestApp(SMALL_SEED, backend, { publicRead: true });
    admin = await t.login('admin');
  });
  afterAll(async () => t.close());

  const issue = async (payload: object) =>
    t.app.inject({ method: 'POST', url: '/api/tokens', headers: { cookie: admin }, payload });
  const issued = async (username: string, name = `for ${username}`) => {
    const res = await issue({ name, username });
    expect(res.statusCode).toBe(201);
    return res.json() as { id: number; token: string };
  };
  const get = (url: string, token: string) =>
    t.app.inject({ url, headers: { authorization: `Bearer ${token}` } });
  const list = async () =>
    (await t.app.inject({ url: '/api/tokens', headers: { cookie: admin } })).json() as {
      id: number;
      lastUsedAt: string | null;
      revokedAt: string | null;
    }[];

  it('is shown once and listed without the token; the listing is no-store', async () => {
    const { id, token } = await issued('viewer');
    expect(token).toMatch(/^gwt_[A-Za-z0-9_-]{43}$/);
    const res = await t.app.inject({ url: '/api/tokens', headers: { cookie: admin } });
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body).not.toContain(token.slice(4));
    expect(res.body).not.toContain(hashApiToken(token));
    await expect(list()).resolves.toContainEqual(
      expect.objectContaining({ id, username: 'viewer', role: 'viewer' }),
    );
  });

  it("carries its user's role, as a header or as ?access_token=, and notes its last use", async () => {
    const viewer = await issued('viewer');
    expect((await get('/api/sites/retired', viewer.token)).statusCode).toBe(403);
    expect((await get('/api/users', viewer.token)).statusCode).toBe(403);
    const adminToken = await issued('admin');
    expect((await get('/api/users', adminToken.token)).statusCode).toBe(200);
    const viaQuery = await t.app.inject({ url: `/api/users?access_token=${adminToken.token}` });
    expect(viaQuery.statusCode).toBe(200);
    expect((await t.app.inject({ url: `/api/users?access_token=${viewer.token}` })).statusCode).toBe(403);
    expect((await list()).find((row) => row.id === viewer.id)?.lastUsedAt).not.toBeNull();
  });

  it('never writes: any method but GET/HEAD is 403 naming why, even for an admin', async () => {
    const { token } = await issued('admin');
    const writes = [
      ['POST', '/api/users'],
      ['PATCH', '/api/users/1'],
      ['DELETE', '/api/tokens/1'],
      ['POST', '/api/query/within'],
    ] as const;
    for (const [method, url] of writes) {
      const res = await t.app.inject({
        method,
        url,
        headers: { authorization: `Bearer ${token}` },
        payload: {},
      });
      expect(res.statusCode, method).toBe(403);
      expect(res.json().error.message).toMatch(/read-only/);
    }
  });

  it('is refused at once when revoked, expired or its user disabled; a bad one is never anonymous', async () => {
    const { id, token } = await issued('enforcer');
    expect((await get('/api/layers', token)).statusCode).toBe(200);
    const revoked = await t.app.inject({
      method: 'DELETE',
      url: `/api/tokens/${id}`,
      headers: { cookie: admin },
    });
    expect(revoked.statusCode).toBe(204);
    const after = await get('/api/layers', token);
    expect(after.statusCode).toBe(401);
    expect(after.json().error.message).toMatch(/revoked/);
    expect((await list()).find((row) => row.id === id)?.revokedAt).not.toBeNull();

    const expired = newApiToken();
    const viewer = (await t.store.users.findByName('viewer'))!;
    await t.store.apiTokens.create(
      {
        tokenHash: hashApiToken(expired),
        name: 'old',
        userId: viewer.id,
        expiresAt: '2020-01-01T00:00:00.000Z',
      },
      'test',
    );
    expect((await get('/api/layers', expired)).statusCode).toBe(401);
    expect((await get('/api/layers', 'gwt_made-up')).statusCode).toBe(401);
    const basic = await t.app.inject({ url: '/api/layers', headers: { authorization: 'Basic eDp5' } });
    expect(basic.statusCode).toBe(401);
  });

  it('refuses a token for an unknown user, a blank name, a past expiry; 404 for an unknown id', async () => {
    const nobody = await issue({ name: 'x', username: 'nobody' });
    expect(nobody.statusCode).toBe(400);
    expect(nobody.json().error.details[0].path).toBe('/username');
    expect((await issue({ name: '  ', username: 'viewer' })).json().error.details[0].path).toBe('/name');
    const past = await issue({ name: 'x', username: 'viewer', expiresAt: '2020-01-01T00:00:00Z' });
    expect(past.json().error.details[0].path).toBe('/expiresAt');
    expect((await issue({ name: 'x', username: 'viewer', expiresAt: 'tomorrow' })).statusCode).toBe(400);
    const gone = await t.app.inject({
      method: 'DELETE',
      url: '/api/tokens/9999',
      headers: { cookie: admin },
    });
    expect(gone.statusCode).toBe(404);
  });

  it("carries its user's utility: a utility's token reads only that utility's sites, in /api and /ogc", async () => {
    const created = await t.store.users.create(
      { username: 'utility.two', role: 'viewer', passwordHash: 'x', utilityId: 2 },
      'test',
    );
    expect(created).toMatchObject({ utilityId: 2 });
    const { token } = await issued('utility.two');
    const ogc = (await get('/ogc/collections/sites/items', token)).json() as {
      numberMatched: number;
      features: { properties: { utilityId: number | null } }[];
    };
    const all = (await t.app.inject({ url: '/ogc/collections/sites/items' })).json() as {
      numberMatched: number;
    };
    expect(ogc.features.every((f) => f.properties.utilityId === 2)).toBe(true);
    expect(ogc.numberMatched).toBe(ogc.features.length);
    expect(ogc.numberMatched).toBeGreaterThan(0);
    expect(ogc.numberMatched).toBeLessThan(all.numberMatched);
  });

  it("follows its user: a role change applies at once, a disabled user's tokens stop", async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: { cookie: admin },
      payload: { username: 'gis.team', password: 'Kashgar apricot 93 lanes', role: 'viewer' },
    });
    const user = created.json() as { id: number; version: number };
    const { token } = await issued('gis.team');
    expect((await get('/api/sites/retired', token)).statusCode).toBe(403);
    const promoted = await t.app.inject({
      method: 'PATCH',
      url: `/api/users/${user.id}`,
      headers: { cookie: admin },
      payload: { role: 'admin', version: user.version },
    });
    expect((await get('/api/sites/retired', token)).statusCode).toBe(200);
    await t.app.inject({
      method: 'PATCH',
      url: `/api/users/${user.id}`,
      headers: { cookie: admin },
      payload: { disabled: true, version: (promoted.json() as { version: number }).version },
    });
    expect((await get('/api/layers', token)).statusCode).toBe(401);
  });
});
