import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../auth/password';
import { SMALL_SEED } from '../../../test/fixtures/small-seed';
import { BACKENDS, makeTestApp, type TestApp } from '../../../test/test-app';

/** The column added to prove the column table: one line there, a migration per backend, the Prisma schema. */
describe.each(BACKENDS)('a site licence number on %s', (backend) => {
  let t: TestApp;
  let cookies: Record<string, string>;
  beforeAll(async () => {
    t = await makeTestApp(SMALL_SEED, backend);
    const passwordHash = await hashPassword('importer-password');
    await t.store.users.create({ username: 'ada', role: 'admin', passwordHash }, 'test');
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'ada', password: 'importer-password' },
    });
    cookies = Object.fromEntries(login.cookies.map((c) => [c.name, c.value]));
  });
  afterAll(async () => t.close());

  const importSites = (licenceNo?: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/import/sites',
      cookies,
      payload: {
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            geometry: { type: 'Point', coordinates: [87.6, 43.8] },
            properties: {
              externalId: 'L-1',
              name: 'Licensed farm',
              machines: 10,
              loadMw: 1,
              status: 'LICENSED',
              firstObserved: '2026-05-01',
              ...(licenceNo === undefined ? {} : { licenceNo }),
            },
          },
        ],
      },
    });
  const licenceOf = async (externalId: string) => {
    const res = await t.app.inject({ method: 'GET', url: '/api/layers/sites' });
    const features = res.json().features as { properties: Record<string, unknown> }[];
    return features.find((f) => f.properties.externalId === externalId)?.properties.licenceNo;
  };

  it('is null for seeded sites, imported, served, and updated by a later import', async () => {
    expect(await licenceOf('M-1')).toBeNull();
    expect((await importSites('XJ-2026-0042')).statusCode).toBe(200);
    expect(await licenceOf('L-1')).toBe('XJ-2026-0042');
    expect((await importSites()).json()).toMatchObject({ updated: 1 });
    expect(await licenceOf('L-1')).toBeNull();
  });
});
