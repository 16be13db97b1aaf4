import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROGRESS_SEED } from '../../test/fixtures/progress-seed';
import { BACKENDS, makeTestApp, type TestApp } from '../../test/test-app';

interface Fc {
  features: { id: number; properties: { status: string; statusChangedAt: string; externalId: string } }[];
  truncated?: boolean;
}

describe.each(BACKENDS)('GET /api/layers/sites?asOf= on %s', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await makeTestApp(PROGRESS_SEED, backend);
  });
  afterAll(async () => t.close());

  const get = (query: string) => t.app.inject({ method: 'GET', url: `/api/layers/sites?${query}` });
  const statuses = async (query: string) => {
    const res = await get(query);
    expect(res.statusCode, res.body).toBe(200);
    return (res.json() as Fc).features.map((f) => [f.id, f.properties.status]);
  };

  it('leaves out the sites whose first record comes after the day (Beijing time)', async () => {
    // P-5's first record is at 17:00 UTC on 4 January: 5 January in Beijing.
    expect(await statuses('asOf=2026-01-04')).toEqual([]);
    expect(await statuses('asOf=2026-01-05')).toEqual([
      [5, 'LICENSED'],
      [6, 'SUSPECTED'],
      [7, 'SUSPECTED'],
      [9, 'SUSPECTED'],
      [10, 'SUSPECTED'],
    ]);
  });

  it('gives the earlier status between two changes, and the time of that change', async () => {
    expect(await statuses('asOf=2026-04-15')).toEqual([
      [1, 'UNLICENSED'],
      [2, 'NO_CONTRACT'],
      [3, 'UNLICENSED'],
      [4, 'SHUTDOWN_ORDERED'],
      [5, 'LICENSED'],
      [6, 'UNLICENSED'],
      [7, 'SHUT_DOWN'],
      [9, 'SHUT_DOWN'],
      [10, 'NOT_FOUND'],
      [11, 'UNLICENSED'],
    ]);
    const first = (await get('asOf=2026-04-15')).json() as Fc;
    expect(first.features[0]?.properties).toMatchObject({
      externalId: 'P-1',
      statusChangedAt: '2026-02-01T03:00:00.000Z',
    });
  });

  it('ends the day at midnight Beijing time, that instant included', async () => {
    const at = async (day: string) => Object.fromEntries(await statuses(`asOf=${day}`));
    expect(await at('2026-08-31')).toMatchObject({ 1: 'SHUT_DOWN', 2: 'NO_CONTRACT', 11: 'SHUT_DOWN' });
    expect(await at('2026-09-01')).toMatchObject({ 2: 'LICENSED' });
  });

  it('filters by the status then, with bbox, load and limit', async () => {
    // None of these is UNLICENSED now.
    expect(await statuses('asOf=2026-04-15&status=UNLICENSED')).toEqual([
      [1, 'UNLICENSED'],
      [3, 'UNLICENSED'],
      [6, 'UNLICENSED'],
      [11, 'UNLICENSED'],
    ]);
    expect(await statuses('asOf=2026-04-15&status=UNLICENSED&bbox=86.9,43.5,87.1,44.5')).toEqual([
      [1, 'UNLICENSED'],
      [3, 'UNLICENSED'],
      [6, 'UNLICENSED'],
    ]);
    expect(await statuses('asOf=2026-04-15&status=UNLICENSED&minLoadMw=5&maxLoadMw=10')).toEqual([
      [3, 'UNLICENSED'],
      [6, 'UNLICENSED'],
    ]);
    const page = (await get('asOf=2026-04-15&limit=2')).json() as Fc;
    expect(page.features.map((f) => f.id)).toEqual([1, 2]);
    expect(page.truncated).toBe(true);
  });

  it('without asOf serves the status now', async () => {
    expect(await statuses('status=UNLICENSED')).toEqual([[8, 'UNLICENSED']]);
  });

  it.each([
    ['/api/layers/lines?asOf=2026-05-01', 'asOf applies to the sites layer only'],
    ['/api/layers/sites?asOf=2026-02-30', 'not a calendar date'],
    ['/api/layers/sites?asOf=2026-13-01', 'not a calendar date'],
    ['/api/layers/sites?asOf=yesterday', 'pattern'],
  ])('refuses %s', async (url, message) => {
    const res = await t.app.inject({ method: 'GET', url });
    expect(res.statusCode, res.body).toBe(400);
    const { error } = res.json();
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.details).toContainEqual(expect.objectContaining({ path: '/asOf' }));
    expect(JSON.stringify(error)).toContain(message);
  });
});
