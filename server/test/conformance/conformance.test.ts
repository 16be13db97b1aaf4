import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONFORMANCE_SEED } from '../fixtures/conformance-seed';
import { BACKENDS, makeTestApp, type TestApp } from '../test-app';
import { decodeTile } from '../decode-tile';
import { CASES, type ConformanceCase } from './cases';

const apps = new Map<string, TestApp>();
/** Each backend's cookie of an enforcer of each utility the cases ask as. */
const utilityCookies = new Map<string, string>();
const UTILITY_PASSWORD = 'utility-enforcer-password';
beforeAll(async () => {
  for (const backend of BACKENDS) {
    const t = await makeTestApp(CONFORMANCE_SEED, backend);
    apps.set(backend, t);
    const admin = await t.login('admin');
    for (const utilityId of new Set(CASES.flatMap((c) => (c.asUtility ? [c.asUtility] : [])))) {
      const username = `utility-${utilityId}`;
      await t.app.inject({
        method: 'POST',
        url: '/api/users',
        headers: { cookie: admin },
        payload: { username, password: UTILITY_PASSWORD, role: 'enforcer', utilityId },
      });
      const login = await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username, password: UTILITY_PASSWORD },
      });
      utilityCookies.set(`${backend}/${utilityId}`, String(login.headers['set-cookie']).split(';')[0]!);
    }
  }
});
afterAll(async () => {
  for (const t of apps.values()) await t.close();
});

async function ask(backend: string, c: ConformanceCase) {
  const t = apps.get(backend)!;
  const res = await t.app.inject({
    method: c.method,
    url: c.url,
    ...(c.body === undefined ? {} : { payload: c.body as object }),
    ...(c.as ? { headers: { cookie: await t.login(c.as) } } : {}),
    ...(c.asUtility ? { headers: { cookie: utilityCookies.get(`${backend}/${c.asUtility}`)! } } : {}),
  });
  if (c.tileLayer) {
    // Positions may differ by tile quantisation between stores; ids and properties may not.
    const features = res.statusCode === 200 ? decodeTile(res.rawPayload, c.tileLayer).features : [];
    const json = {
      features: features
        .map(({ id, properties }) => ({ id, properties }))
        .sort((a, b) => Number(a.id) - Number(b.id)),
    };
    return { status: res.statusCode, json };
  }
  return {
    status: res.statusCode,
    json: res.statusCode === 204 ? {} : (res.json() as Record<string, unknown>),
  };
}

function listedIds(json: Record<string, unknown>, sorted: boolean): string[] {
  const fc = (json.sites ?? json) as { features?: { properties: { externalId: string } }[] };
  const ids = (fc.features ?? []).map((f) => String(f.properties.externalId));
  return sorted ? ids.sort() : ids;
}

describe.each(CASES)('conformance: $name', (c) => {
  it.each(BACKENDS)('%s gives the fixture answer', async (backend) => {
    const { status, json } = await ask(backend, c);
    expect(status, JSON.stringify(json).slice(0, 300)).toBe(c.status);
    expect(json).toMatchObject(c.expect as object);
    if (c.ids) expect(listedIds(json, Boolean(c.tileLayer))).toEqual(c.ids);
  });

  it('both stores give the same JSON', async () => {
    const [first, ...others] = await Promise.all(BACKENDS.map((b) => ask(b, c)));
    for (const other of others) expect(other).toEqual(first);
  });
});
