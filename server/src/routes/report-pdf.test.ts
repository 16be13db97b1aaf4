import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS } from '../../test/test-app';
import { pdfText } from '../../test/pdf-text';
import { call, makeReportsApp, testSchedule, type ReportsApp } from '../../test/reports-kit';

/**
 * GET /api/reports/:id.pdf (issue 12): the frozen report as a PDF download, read back with pdftotext — its
 * hash, the utility's name and a Chinese narrative are in it; a draft has none; another utility's is not there.
 */
describe.each(BACKENDS)('the report as a PDF on %s', (backend) => {
  let a: ReportsApp;
  const { past } = testSchedule(31);
  beforeAll(async () => {
    a = await makeReportsApp(backend);
  });
  afterAll(async () => a.t.close());

  it('is the submitted report, with its SHA-256, the utility and the narrative; a draft answers 409', async () => {
    const { t, east, west, viewer } = a;
    const draft = await call(t, east, 'POST', '/api/reports', { period: past }, 201);
    const early = await t.app.inject({ url: `/api/reports/${draft.id}.pdf`, headers: { cookie: east } });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('NOT_SUBMITTED');
    const narrative = '五号矿场已于四月关停，电表读数为零。';
    const edited = await call(t, east, 'PATCH', `/api/reports/${draft.id}`, { narrative, version: 1 }, 200);
    const sent = await call(
      t,
      east,
      'POST',
      `/api/reports/${draft.id}/submit`,
      { version: edited.version },
      200,
    );

    const res = await t.app.inject({ url: `/api/reports/${draft.id}.pdf`, headers: { cookie: viewer } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="report-2-.+-r1\.pdf"$/);
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(res.rawPayload);
    expect(text).toContain(sent.sha256);
    expect(text).toContain('East Power');
    expect(text).toContain('东电');
    expect(text).toContain(narrative);
    expect(text).toContain('Load removed 已削减负荷: 55 MW');

    const foreign = await t.app.inject({ url: `/api/reports/${draft.id}.pdf`, headers: { cookie: west } });
    expect(foreign.statusCode).toBe(404);
    expect(foreign.body).not.toContain('East');
  });
});
