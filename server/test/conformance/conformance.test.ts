import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONFORMANCE_SEED } from '../fixtures/conformance-seed';
import { BACKENDS, makeTestApp, type TestApp } from '../test-app';
import { decodeTile } from '../decode-tile';
import { CASES, type ConformanceCase } from './cases';

const apps = new Map<string, TestApp>();
beforeAll(async () => {
  for (const backend of BACKENDS) apps.set(backend, await makeTestApp(CONFORMANCE_SEED, backend));
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
