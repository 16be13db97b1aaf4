import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_NARRATIVE_LENGTH } from '@gridwatch/contract';
import { BACKENDS } from '../../test/test-app';
import { call, makeReportsApp, testSchedule, type ReportsApp } from '../../test/reports-kit';
import { uploadPdf } from '../../test/upload';

/**
 * Bad input to the reports' routes (issue 12): each refused with a clear 4xx naming the problem, and nothing
 * written; the schedule's changes checked, versioned and audited; a retired site out of a draft.
 */
describe.each(BACKENDS)("the reports' bad input on %s", (backend) => {
  let a: ReportsApp;
  const { past, schedule } = testSchedule(31);
  let draft: Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  beforeAll(async () => {
    a = await makeReportsApp(backend);
    draft = await call(a.t, a.east, 'POST', '/api/reports', { period: past }, 201);
  });
  afterAll(async () => a.t.close());

  const unchanged = async () => {
    const now = await call(a.t, a.east, 'GET', `/api/reports/${draft.id}`, undefined, 200);
    expect(now).toMatchObject({ version: draft.version, narrative: draft.narrative, attachments: [] });
    const all = (await call(a.t, a.admin, 'GET', '/api/reports', undefined, 200)) as unknown as unknown[];
    expect(all).toHaveLength(1);
  };

  it('refuses a malformed or unknown period', async () => {
    for (const period of ['2026-1', '2026-13', 'finally', '']) {
      const res = await call(a.t, a.east, 'POST', '/api/reports', { period }, 400);
      expect(res.error.code).toBe('VALIDATION_FAILED');
      expect(JSON.stringify(res.error.details)).toContain('/period');
    }
    const outside = await call(a.t, a.east, 'POST', '/api/reports', { period: '2020-01' }, 400);
    expect(outside.error.message).toMatch(/2020-01/);
    const overview = await call(a.t, a.admin, 'GET', '/api/reports/overview?period=2020-01', undefined, 400);
    expect(overview.error.details[0].path).toBe('/period');
    await unchanged();
  });

  it('refuses a narrative too long, 21 attachments, and an upload that is not yours', async () => {
    const url = `/api/reports/${draft.id}`;
    const long = await call(
      a.t,
      a.east,
      'PATCH',
      url,
      { narrative: 'x'.repeat(MAX_NARRATIVE_LENGTH + 1), version: 1 },
      400,
    );
    expect(JSON.stringify(long.error.details)).toContain('/narrative');
    const many = Array.from({ length: 21 }, (_, i) => i + 1);
    const tooMany = await call(a.t, a.east, 'PATCH', url, { attachmentIds: many, version: 1 }, 400);
    expect(JSON.stringify(tooMany.error.details)).toContain('/attachmentIds');
    const theirs = await uploadPdf(a.t, a.west, 'west');
    const mine = await uploadPdf(a.t, a.east, 'east');
    const foreign = await call(
      a.t,
      a.east,
      'PATCH',
      url,
      { narrative: 'with theirs', attachmentIds: [mine.id, theirs.id], version: 1 },
      400,
    );
    expect(foreign.error.message).toContain(`upload ${theirs.id}`);
    expect(foreign.error.details[0].path).toBe('/attachmentIds/1');
    const unknown = await call(a.t, a.east, 'PATCH', url, { attachmentIds: [999_999], version: 1 }, 400);
    expect(unknown.error.details[0].path).toBe('/attachmentIds/0');
    expect((await call(a.t, a.east, 'GET', '/api/reports/999999', undefined, 404)).error.code).toBe(
      'NOT_FOUND',
    );
    await unchanged();
  });

  it('changes the schedule only at its version, keeping the days of reported periods; audited', async () => {
    const { t, admin, east } = a;
    const periods = await call(t, east, 'GET', '/api/reports/periods', undefined, 200);
    expect(periods.schedule).toEqual(schedule);
    const version = periods.scheduleVersion;
    const put = (body: object, status: number) =>
      call(t, admin, 'PUT', '/api/reports/schedule', body, status);
    expect((await put({ ...schedule, version: version - 1 }, 409)).error).toMatchObject({
      code: 'VERSION_CONFLICT',
      details: [{ currentVersion: version }],
    });
    expect((await put({ ...schedule, graceDays: 40, version }, 400)).error.details[0].path).toBe(
      '/graceDays',
    );
    const moved = await put({ ...schedule, start: `${schedule.start.slice(0, 8)}15`, version }, 400);
    expect(moved.error.details[0].path).toBe('/start');
    expect(
      (await call(t, east, 'PUT', '/api/reports/schedule', { ...schedule, version }, 403)).error.code,
    ).toBe('FORBIDDEN');
    const changed = await put({ ...schedule, graceDays: 3, version }, 200);
    expect(changed).toMatchObject({ scheduleVersion: version + 1, schedule: { ...schedule, graceDays: 3 } });
    const audit = (await call(t, admin, 'GET', '/api/audit?entity=schedule', undefined, 200)) as unknown as {
      username: string;
      details: { after: { graceDays: number } };
    }[];
    expect(audit[0]).toMatchObject({ username: 'admin', details: { after: { graceDays: 3 } } });
  });

  it("leaves a retired site out of a draft's figures", async () => {
    const { t, admin, east } = a;
    const before = await call(t, east, 'GET', `/api/reports/${draft.id}`, undefined, 200);
    expect(before.content.figures.found).toBe(1);
    const site = await call(t, admin, 'GET', '/api/sites/5', undefined, 200);
    const res = await t.app.inject({
      method: 'DELETE',
      url: '/api/sites/5',
      headers: { cookie: admin },
      payload: { version: site.properties.version, reason: 'mapped twice' },
    });
    expect(res.statusCode, res.body).toBe(200);
    const after = await call(t, east, 'GET', `/api/reports/${draft.id}`, undefined, 200);
    expect(after.content.figures).toMatchObject({ found: 0, shutDown: 0, loadRemovedMw: 0 });
    expect(after.content.sites).toEqual([]);
  });
});
