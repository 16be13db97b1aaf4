import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readTimestamp } from '../domain/import/read-readings';
import { SMALL_SEED } from '../../test/fixtures/small-seed';
import { BACKENDS, makeTestApp, type TestApp } from '../../test/test-app';

const HEADER = 'substationExternalId,timestamp,mw';
const csv = (...rows: string[]) => [HEADER, ...rows].join('\n');

describe('readTimestamp', () => {
  it('reads an offset, Z, and no offset as Beijing time; refuses what is not on the hour', () => {
    const utc = Date.parse('2026-03-01T00:00:00Z') / 3_600_000;
    expect(readTimestamp('2026-03-01T08:00:00+08:00')).toEqual({ hour: utc });
    expect(readTimestamp('2026-03-01T08:00+0800')).toEqual({ hour: utc });
    expect(readTimestamp('2026-03-01T00:00:00Z')).toEqual({ hour: utc });
    expect(readTimestamp('2026-03-01 08:00:00')).toEqual({ hour: utc });
    expect(readTimestamp('2026-03-01T08:30:00+08:00')).toEqual({
      problem: expect.stringMatching(/not on the hour/),
    });
    expect(readTimestamp('2026-02-30T08:00:00')).toEqual({
      problem: expect.stringMatching(/not a real date/),
    });
    expect(readTimestamp('yesterday')).toEqual({ problem: expect.stringMatching(/not ISO 8601/) });
  });
});

describe.each(BACKENDS)('POST /api/import/readings on %s', (backend) => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await makeTestApp(SMALL_SEED, backend);
    admin = await t.login('admin');
  });
  afterAll(() => t.close());

  const post = (body: string, query = '', cookie = admin) =>
    t.app.inject({
      method: 'POST',
      url: `/api/import/readings${query}`,
      headers: { cookie, 'content-type': 'text/csv' },
      payload: body,
    });
  const hoursOf = async (from: string, to: string) => {
    const res = await t.app.inject({
      url: `/api/substations/1/readings?from=${from}&to=${to}&resolution=hour`,
    });
    expect(res.statusCode).toBe(200);
    return (res.json() as { points: { at: string; mw: number }[] }).points;
  };

  it('a dry run counts and writes nothing', async () => {
    const res = await post(
      csv('S-1,2026-03-01T00:00:00+08:00,10', 'S-1,2026-03-01T01:00:00+08:00,11'),
      '?dryRun=true',
    );
    expect(res.json()).toEqual({
      readings: 2,
      substations: 1,
      from: '2026-02-28T16:00:00.000Z',
      to: '2026-02-28T17:00:00.000Z',
      dryRun: true,
    });
    expect(await hoursOf('2026-03-01', '2026-03-01')).toEqual([]);
  });

  it('writes the readings; a gap is no error; no offset is Beijing time', async () => {
    const res = await post(
      csv('S-1,2026-03-01T00:00:00+08:00,10', 'S-1,2026-03-01 03:00:00,13.5', 'S-2,2026-03-01T00:00:00Z,7'),
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ readings: 3, substations: 2, dryRun: false });
    expect(await hoursOf('2026-03-01', '2026-03-01')).toEqual([
      { at: '2026-02-28T16:00:00.000Z', mw: 10, peakMw: 10 },
      { at: '2026-02-28T19:00:00.000Z', mw: 13.5, peakMw: 13.5 },
    ]);
  });

  it('a reading of an hour already stored replaces it', async () => {
    expect((await post(csv('S-1,2026-03-01T00:00:00+08:00,12'))).statusCode).toBe(200);
    expect((await hoursOf('2026-03-01', '2026-03-01'))[0]).toMatchObject({ mw: 12 });
  });

  it('refuses the whole file naming each bad row: unknown substation, duplicate hour, negative, not a number', async () => {
    const res = await post(
      csv(
        'S-1,2026-04-01T00:00:00+08:00,1',
        'S-404,2026-04-01T00:00:00+08:00,1',
        'S-1,2026-04-01T00:00:00+08:00,2',
        'S-1,2026-04-01T01:00:00+08:00,-3',
        'S-1,2026-04-01T02:00:00+08:00,lots',
        'S-1,2026-04-01T03:30:00+08:00,4',
      ),
    );
    expect(res.statusCode).toBe(422);
    const body = res.json() as {
      error: { code: string; message: string; details: { index: number; message: string }[] };
    };
    expect(body.error.code).toBe('IMPORT_INVALID');
    expect(body.error.message).toBe('5 rows are invalid, so nothing was imported');
    expect(body.error.details.map((d) => [d.index, d.message])).toEqual([
      [1, 'unknown substation "S-404"'],
      [2, 'a second reading of S-1 at 2026-03-31T16:00:00.000Z'],
      [3, 'mw -3 is negative'],
      [4, 'mw "lots" is not a number'],
      [5, 'timestamp "2026-04-01T03:30:00+08:00" is not on the hour: readings are hourly'],
    ]);
    expect(await hoursOf('2026-04-01', '2026-04-01')).toEqual([]);
  });

  it('refuses a file with a wrong header as a whole, and a non-admin', async () => {
    const res = await post('substation,time,mw\nS-1,2026-04-01T00:00:00Z,1');
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      error: { message: expect.stringMatching(/unknown column "substation"/) },
    });
    const enforcer = await t.login('enforcer');
    expect((await post(csv('S-1,2026-04-01T00:00:00Z,1'), '', enforcer)).statusCode).toBe(403);
  });
});
