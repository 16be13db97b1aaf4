/** Issue 10, item 11: impossible due dates, blank names and a zone of 1e-12° are refused, and nothing is written. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SMALL_SEED } from '../fixtures/small-seed';
import { BACKENDS, makeTestApp, type TestApp } from '../test-app';

const square = (size: number) => ({
  type: 'Polygon',
  coordinates: [
    [
      [87, 44],
      [87 + size, 44],
      [87 + size, 44 + size],
      [87, 44 + size],
      [87, 44],
    ],
  ],
});

describe.each(BACKENDS)('zone values on %s', (backend) => {
  let t: TestApp;
  let cookie: string;
  beforeAll(async () => {
    t = await makeTestApp(SMALL_SEED, backend);
    cookie = await t.login('enforcer');
  });
  afterAll(async () => t.close());

  const post = (payload: object) =>
    t.app.inject({ method: 'POST', url: '/api/zones', headers: { cookie }, payload });
  const zoneCount = async () => (await t.app.inject({ url: '/api/layers/zones' })).json().features.length;

  it.each([
    ['30 February', { dueDate: '2026-02-30' }, 400, '/dueDate'],
    ['day zero of year zero', { dueDate: '0000-00-00' }, 400, '/dueDate'],
    ['a blank name', { name: '   \t ' }, 400, '/name'],
    ['a zone of 1e-12°', { geometry: square(1e-12) }, 422, '/geometry'],
  ])('refuses %s, naming the field, and writes nothing', async (_name, change, status, path) => {
    const before = await zoneCount();
    const res = await post({ name: 'Hami north', geometry: square(0.05), ...change });
    expect(res.statusCode).toBe(status);
    expect(res.json().error.details[0].path).toBe(path);
    expect(await zoneCount()).toBe(before);
  });

  it('takes a real day, a real name and a 10 m square, and refuses a bad due date on edit', async () => {
    const res = await post({ name: ' Hami north ', geometry: square(1e-4), dueDate: '2028-02-29' });
    expect(res.statusCode).toBe(201);
    const { id, properties } = res.json();
    const edit = await t.app.inject({
      method: 'PATCH',
      url: `/api/zones/${id}`,
      headers: { cookie },
      payload: { version: properties.version, dueDate: '2027-02-29' },
    });
    expect(edit.statusCode).toBe(400);
    expect(edit.json().error.details[0].path).toBe('/dueDate');
  });
});
