import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInBeijing } from '@gridwatch/contract';
import { PROGRESS_SEED } from '../../test/fixtures/progress-seed';
import { BACKENDS, makeTestApp, type TestApp } from '../../test/test-app';

// Every number below is checked by hand against the table in progress-seed.ts.
const idle = {
  utilityId: 3,
  name: 'Idle Grid',
  nameZh: '闲网',
  found: 0,
  shutDown: 0,
  licensedAfter: 0,
  loadRemovedMw: 0,
  loadStillDrawingMw: 0,
  shareDone: 1,
  onTrack: true,
};

describe.each(BACKENDS)('GET /api/reports/progress on %s', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await makeTestApp(PROGRESS_SEED, backend);
  });
  afterAll(async () => t.close());

  const get = (query: string) => t.app.inject({ method: 'GET', url: `/api/reports/progress?${query}` });

  it('at the deadline: all the time is gone, only the utilities with everything done are on track', async () => {
    const res = await get('deadline=2026-08-31&asOf=2026-08-31');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      deadline: '2026-08-31',
      asOf: '2026-08-31',
      start: '2026-01-01',
      elapsedShare: 1,
      utilities: [
        {
          // P-1 shut down at 23:30 Beijing on the deadline; P-2 licensed half an hour too late; P-3 (no
          // feeder, 4.6 km away) only ordered.
          utilityId: 1,
          name: 'North Grid',
          nameZh: '北网',
          found: 3,
          shutDown: 1,
          licensedAfter: 0,
          loadRemovedMw: 10.5,
          loadStillDrawingMw: 25.375,
          shareDone: 0.3333,
          onTrack: false,
        },
        {
          // P-6 licensed, P-7 and P-11 (at the deadline's last instant) shut down, P-9 running again; P-5 and
          // P-10 never illegal; P-8 not recorded yet.
          utilityId: 2,
          name: 'South Grid',
          nameZh: '南网',
          found: 4,
          shutDown: 2,
          licensedAfter: 1,
          loadRemovedMw: 14.5,
          loadStillDrawingMw: 0,
          shareDone: 0.75,
          onTrack: false,
        },
        idle,
        {
          // P-4: no feeder, 11.1 km from the nearest substation.
          utilityId: null,
          name: 'Unassigned',
          nameZh: '未归属',
          found: 1,
          shutDown: 1,
          licensedAfter: 0,
          loadRemovedMw: 40,
          loadStillDrawingMw: 0,
          shareDone: 1,
          onTrack: true,
        },
      ],
    });
  });

  it('mid-campaign: half done is on track at 121 of 243 days', async () => {
    const res = await get('deadline=2026-08-31&asOf=2026-05-01');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.elapsedShare).toBe(0.4979);
    expect(body.utilities).toEqual([
      expect.objectContaining({
        utilityId: 1,
        found: 3,
        shutDown: 0,
        licensedAfter: 0,
        loadRemovedMw: 0,
        loadStillDrawingMw: 35.875,
        shareDone: 0,
        onTrack: false,
      }),
      expect.objectContaining({
        utilityId: 2,
        found: 4,
        shutDown: 2,
        licensedAfter: 0,
        loadRemovedMw: 15,
        loadStillDrawingMw: 10.25,
        shareDone: 0.5,
        onTrack: true,
      }),
      idle,
      expect.objectContaining({
        utilityId: null,
        found: 1,
        shutDown: 0,
        loadStillDrawingMw: 40,
        onTrack: false,
      }),
    ]);
  });

  it('counts a change on the next Beijing day after the deadline, not on it', async () => {
    const res = await get('deadline=2026-08-31&asOf=2026-09-01');
    expect(res.json().utilities[0]).toMatchObject({
      utilityId: 1,
      found: 3,
      shutDown: 1,
      licensedAfter: 1,
      loadRemovedMw: 10.5,
      loadStillDrawingMw: 5.125,
      shareDone: 0.6667,
      onTrack: false,
    });
  });

  it('leaves out the unassigned row before its site was recorded', async () => {
    const res = await get('deadline=2026-08-31&asOf=2026-02-15');
    const body = res.json();
    expect(body.utilities.map((u: { utilityId: number | null }) => u.utilityId)).toEqual([1, 2, 3]);
    expect(body.utilities[0]).toMatchObject({ found: 2, loadStillDrawingMw: 15.625 });
  });

  it('before anything is recorded, nothing is found and every utility is on track', async () => {
    const res = await get('deadline=2026-08-31&asOf=2025-12-01');
    const body = res.json();
    expect(body.elapsedShare).toBe(0);
    expect(body.utilities).toHaveLength(3);
    for (const u of body.utilities) expect(u).toMatchObject({ found: 0, shareDone: 1, onTrack: true });
  });

  it('measures the time from the start given', async () => {
    // 1 March to the end of 1 May is 62 of the 184 days to the end of 31 August.
    const res = await get('deadline=2026-08-31&asOf=2026-05-01&start=2026-03-01');
    expect(res.json()).toMatchObject({ start: '2026-03-01', elapsedShare: 0.337 });
  });

  it("defaults asOf to today's date in Beijing", async () => {
    const res = await get('deadline=2026-08-31');
    expect(res.statusCode).toBe(200);
    expect(res.json().asOf).toBe(todayInBeijing(Date.now()));
  });

  it.each([
    ['deadline=2026-02-30', '/deadline'],
    ['deadline=2026-08-31&asOf=2026-13-01', '/asOf'],
    ['deadline=2026-08-31&start=2026-02-29', '/start'],
    ['deadline=2026-08-31&start=2026-09-01', '/start'],
    ['deadline=2026-08-31&start=2026-08-31', '/start'],
    ['deadline=2026-01-01', '/start'],
    ['deadline=2026-8-31', '/deadline'],
    ['asOf=2026-08-31', '/deadline'],
    ['deadline=2026-08-31&until=2026-08-31', '/until'],
  ])('refuses %s naming %s', async (query, path) => {
    const res = await get(query);
    expect(res.statusCode, res.body).toBe(400);
    const { error } = res.json();
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.details).toContainEqual(expect.objectContaining({ path }));
  });
});
