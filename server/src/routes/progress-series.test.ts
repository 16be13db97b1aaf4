import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProgressReport, ProgressSeries } from '@gridwatch/contract';
import { PROGRESS_SEED } from '../../test/fixtures/progress-seed';
import { BACKENDS, makeTestApp, type TestApp } from '../../test/test-app';

describe.each(BACKENDS)('GET /api/reports/progress/series on %s', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await makeTestApp(PROGRESS_SEED, backend);
  });
  afterAll(async () => t.close());

  const get = (path: string) => t.app.inject({ method: 'GET', url: path });
  const series = async (query: string) => {
    const res = await get(`/api/reports/progress/series?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<ProgressSeries>();
  };

  it('gives at each date what the progress report of that date gives', async () => {
    const body = await series('deadline=2026-08-31&start=2026-01-01&asOf=2026-08-31&stepDays=14');
    expect(body).toMatchObject({
      deadline: '2026-08-31',
      start: '2026-01-01',
      asOf: '2026-08-31',
      stepDays: 14,
    });
    expect(body.dates[0]).toBe('2026-01-01');
    expect(body.dates.at(-1)).toBe('2026-08-31');
    expect(body.dates).toHaveLength(19); // 1 Jan + 17 steps of 14 days (27 Aug), then 31 Aug
    expect(body.utilities.map((u) => u.utilityId)).toEqual([1, 2, 3, null]);
    for (const [i, date] of body.dates.entries()) {
      const res = await get(`/api/reports/progress?deadline=2026-08-31&start=2026-01-01&asOf=${date}`);
      const report = res.json<ProgressReport>();
      expect(body.elapsedShare[i], date).toBe(report.elapsedShare);
      for (const line of body.utilities) {
        const row = report.utilities.find((u) => u.utilityId === line.utilityId);
        // The unassigned row is missing from the report before its site was recorded: nothing found then.
        expect(line.shareDone[i], `${date} ${line.name}`).toBe(row?.shareDone ?? 1);
        expect(line.loadStillDrawingMw[i], `${date} ${line.name}`).toBe(row?.loadStillDrawingMw ?? 0);
      }
    }
  });

  it('ends at asOf when it comes before the deadline, and steps a week by default', async () => {
    const body = await series('deadline=2026-08-31&asOf=2026-02-01');
    expect(body.dates).toEqual([
      '2026-01-01',
      '2026-01-08',
      '2026-01-15',
      '2026-01-22',
      '2026-01-29',
      '2026-02-01',
    ]);
    const north = body.utilities.find((u) => u.utilityId === 1);
    // P-1 turns UNLICENSED on 1 Feb (10.5 MW); P-2 is only suspected.
    expect(north?.loadStillDrawingMw).toEqual([0, 0, 0, 0, 0, 10.5]);
    const unassigned = body.utilities.find((u) => u.utilityId === null);
    expect(unassigned).toBeUndefined(); // P-4 is first recorded on 1 March
  });

  it('ends at the deadline when asOf is after it', async () => {
    const body = await series('deadline=2026-08-31&asOf=2026-12-01&stepDays=31');
    expect(body.dates.at(-1)).toBe('2026-08-31');
    expect(body.asOf).toBe('2026-12-01');
  });

  it('is empty when asOf comes before start', async () => {
    const body = await series('deadline=2026-08-31&start=2026-03-01&asOf=2026-02-01');
    expect(body.dates).toEqual([]);
    expect(body.elapsedShare).toEqual([]);
    for (const line of body.utilities) expect(line.shareDone).toEqual([]);
  });

  it.each([
    ['deadline=2026-02-30', '/deadline'],
    ['deadline=2026-08-31&asOf=2026-13-01', '/asOf'],
    ['deadline=2026-08-31&start=2026-09-01', '/start'],
    ['asOf=2026-08-31', '/deadline'],
    ['deadline=2026-08-31&stepDays=0', '/stepDays'],
    ['deadline=2026-08-31&stepDays=32', '/stepDays'],
    ['deadline=2026-08-31&stepDays=1.5', '/stepDays'],
    // 2025-01-01 to 2026-08-31 is 608 days: 609 dates a day apart.
    ['deadline=2026-08-31&start=2025-01-01&asOf=2026-08-31&stepDays=1', '/stepDays'],
    ['deadline=2026-08-31&every=7', '/every'],
  ])('refuses %s naming %s', async (query, path) => {
    const res = await get(`/api/reports/progress/series?${query}`);
    expect(res.statusCode, res.body).toBe(400);
    const { error } = res.json();
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.details).toContainEqual(expect.objectContaining({ path }));
  });

  it('takes 400 dates, one day apart', async () => {
    // 2025-07-28 to 2026-08-31 is 399 days: 400 dates.
    const body = await series('deadline=2026-08-31&start=2025-07-28&asOf=2026-08-31&stepDays=1');
    expect(body.dates).toHaveLength(400);
  });
});
