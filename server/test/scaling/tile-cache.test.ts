/**
 * The process's tile cache (services/tile-cache.ts), keyed by the data-version ETag: a tile drawn for one user is
 * served to the next user of the same scope without a query, never to a user of another scope, never after a
 * write, never for another filter or day. Both stores.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tileOf } from '../../src/domain/geo/tile-math';
import { SMALL_SEED } from '../fixtures/small-seed';
import { BACKENDS, makeTestApp, type TestApp } from '../test-app';

// West Power's farms M-1 and M-2 are in this tile; East Power has nothing in it.
const { x, y } = tileOf(87.01, 44.01, 8);
const WEST_TILE = `/api/tiles/sites/8/${x}/${y}.mvt`;
const EAST = 2;

describe.each(BACKENDS)('the tile cache on %s', (backend) => {
  let t: TestApp;
  let admin: string;
  let enforcer: string;
  let east: string;
  beforeAll(async () => {
    t = await makeTestApp(SMALL_SEED, backend, { publicRead: false });
    admin = await t.login('admin');
    enforcer = await t.login('enforcer');
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: { cookie: admin },
      payload: {
        username: 'east-viewer',
        role: 'viewer',
        utilityId: EAST,
        password: 'east-power-password-1',
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'east-viewer', password: 'east-power-password-1' },
    });
    east = String(login.headers['set-cookie']).split(';')[0]!;
  });
  afterAll(async () => {
    await t?.close();
  });

  const get = (url: string, cookie: string) => t.app.inject({ method: 'GET', url, headers: { cookie } });

  it("serves a tile drawn for one regulator to the next from memory, the same bytes, and another scope's user their own", async () => {
    const first = await get(WEST_TILE, admin);
    expect(first.statusCode).toBe(200);
    expect(first.headers['x-tile-cache']).toBe('miss');
    const second = await get(WEST_TILE, enforcer);
    expect(second.headers['x-tile-cache']).toBe('hit');
    expect(second.rawPayload.equals(first.rawPayload)).toBe(true);
    expect(second.headers.etag).toBe(first.headers.etag);
    // East Power's user: another key, drawn under their scope — nothing of West Power's.
    const theirs = await get(WEST_TILE, east);
    expect(theirs.headers['x-tile-cache']).toBe('miss');
    expect(theirs.statusCode).toBe(204);
    expect((await get(WEST_TILE, east)).headers['x-tile-cache']).toBe('hit');
    expect((await get(WEST_TILE, east)).statusCode).toBe(204);
  });

  it('draws again after a write, and for another filter or day', async () => {
    const before = await get(WEST_TILE, admin);
    const { version } = (await get('/api/sites/1', admin)).json().properties;
    const write = await t.app.inject({
      method: 'PATCH',
      url: '/api/sites/1',
      headers: { cookie: enforcer },
      payload: { status: 'UNLICENSED', note: 'tile cache test', version },
    });
    expect(write.statusCode, write.body).toBe(200);
    const after = await get(WEST_TILE, admin);
    expect(after.headers['x-tile-cache']).toBe('miss');
    expect(after.headers.etag).not.toBe(before.headers.etag);
    expect(after.rawPayload.equals(before.rawPayload)).toBe(false);
    expect((await get(`${WEST_TILE}?status=UNLICENSED`, admin)).headers['x-tile-cache']).toBe('miss');
    expect((await get(`${WEST_TILE}?asOf=2026-02-01`, admin)).headers['x-tile-cache']).toBe('miss');
    expect((await get(`${WEST_TILE}?asOf=2026-02-01`, admin)).headers['x-tile-cache']).toBe('hit');
  });

  it('keeps nothing with GRIDWATCH_TILE_CACHE_MB=0', async () => {
    const off = await makeTestApp(SMALL_SEED, backend, { env: { GRIDWATCH_TILE_CACHE_MB: '0' } });
    try {
      for (let i = 0; i < 2; i++) {
        const res = await off.app.inject({ method: 'GET', url: WEST_TILE });
        expect(res.headers['x-tile-cache']).toBe('miss');
      }
    } finally {
      await off.close();
    }
  });
});
