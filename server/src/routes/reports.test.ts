import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson, sha256Hex } from '../domain/reports';
import { BACKENDS } from '../../test/test-app';
import { call, EAST, makeReportsApp, testSchedule, WEST, type ReportsApp } from '../../test/reports-kit';

/**
 * The report's life over HTTP (issue 12, docs/reports.md): open, edit, submit (frozen and hashed), return with a
 * comment, revise as revision 2, submit, accept; who may take which step; stale versions; every step audited;
 * another utility's report invisible; and the discrepancy a later status change makes.
 */
describe.each(BACKENDS)('the periodic report on %s', (backend) => {
  let a: ReportsApp;
  const { past, current } = testSchedule(31);
  let first = 0;
  let second = 0;
  beforeAll(async () => {
    a = await makeReportsApp(backend);
  });
  afterAll(async () => a.t.close());

  it('opens a draft pre-filled from the records, edits it, submits it frozen with its hash', async () => {
    const { t, east } = a;
    const draft = await call(t, east, 'POST', '/api/reports', { period: past }, 201);
    first = draft.id;
    expect(draft).toMatchObject({
      utilityId: EAST,
      utilityName: 'East Power',
      period: past,
      revision: 1,
      state: 'draft',
      version: 1,
      createdBy: 'east-enforcer',
      sha256: null,
      submittedAt: null,
      daysLate: null,
      discrepancies: [],
      narrative: '',
    });
    // M-5 is shut down (55 MW removed) since April; M-4 is only suspected.
    expect(draft.content.figures).toEqual({
      found: 1,
      shutDown: 1,
      licensedAfter: 0,
      loadRemovedMw: 55,
      loadStillDrawingMw: 0,
    });
    expect(draft.content.sites).toEqual([
      { siteId: 5, status: 'SHUT_DOWN', standing: 'SHUT_DOWN', loadMw: 55 },
    ]);
    expect(draft.revisions).toEqual([
      { id: first, revision: 1, state: 'draft', submittedAt: null, sha256: null },
    ]);

    const again = await call(t, east, 'POST', '/api/reports', { period: past }, 409);
    expect(again.error.code).toBe('REPORT_EXISTS');

    const narrative = '本月关停五号矿场。 Farm Five stays shut.';
    const edited = await call(t, east, 'PATCH', `/api/reports/${first}`, { narrative, version: 1 }, 200);
    expect(edited).toMatchObject({ narrative, version: 2, state: 'draft' });
    expect(edited.content.narrative).toBe(narrative);
    const stale = await call(t, east, 'PATCH', `/api/reports/${first}`, { narrative: 'x', version: 1 }, 409);
    expect(stale.error).toMatchObject({ code: 'VERSION_CONFLICT', details: [{ currentVersion: 2 }] });

    const early = await call(t, east, 'POST', '/api/reports', { period: current }, 201);
    const notYet = await call(t, east, 'POST', `/api/reports/${early.id}/submit`, { version: 1 }, 409);
    expect(notYet.error.code).toBe('PERIOD_NOT_ENDED');

    const submitted = await call(t, east, 'POST', `/api/reports/${first}/submit`, { version: 2 }, 200);
    expect(submitted).toMatchObject({
      state: 'submitted',
      version: 3,
      submittedBy: 'east-enforcer',
      daysLate: 0,
    });
    expect(submitted.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(sha256Hex(canonicalJson(submitted.content))).toBe(submitted.sha256);
    expect(submitted.content).toMatchObject({ revision: 1, narrative, utilityId: EAST, period: past });

    const frozen = await call(
      t,
      east,
      'PATCH',
      `/api/reports/${first}`,
      { narrative: 'later', version: 3 },
      409,
    );
    expect(frozen.error.code).toBe('REPORT_FROZEN');
    const resubmit = await call(t, east, 'POST', `/api/reports/${first}/submit`, { version: 3 }, 409);
    expect(resubmit.error.code).toBe('REPORT_FROZEN');
    const read = await call(t, a.viewer, 'GET', `/api/reports/${first}`, undefined, 200);
    expect(read).toMatchObject({ sha256: submitted.sha256, content: submitted.content, discrepancies: [] });
  });

  it('is reviewed by the regulator only: returned with a comment, revised as revision 2, accepted', async () => {
    const { t, east, enforcer, admin, viewer } = a;
    const url = `/api/reports/${first}/review`;
    for (const [cookie, status] of [
      [east, 403],
      [viewer, 403],
    ] as const) {
      const res = await call(t, cookie, 'POST', url, { decision: 'accept', version: 3 }, status);
      expect(res.error.code).toBe('FORBIDDEN');
    }
    for (const comment of [undefined, '  ']) {
      const res = await call(t, enforcer, 'POST', url, { decision: 'return', version: 3, comment }, 400);
      expect(res.error.code).toBe('NOTE_REQUIRED');
    }
    const stale = await call(t, enforcer, 'POST', url, { decision: 'accept', version: 2 }, 409);
    expect(stale.error).toMatchObject({ code: 'VERSION_CONFLICT', details: [{ currentVersion: 3 }] });
    const returned = await call(
      t,
      enforcer,
      'POST',
      url,
      { decision: 'return', version: 3, comment: 'Say when M-4 will be inspected.' },
      200,
    );
    expect(returned).toMatchObject({
      state: 'returned',
      reviewedBy: 'enforcer',
      reviewComment: 'Say when M-4 will be inspected.',
    });
    const again = await call(t, enforcer, 'POST', url, { decision: 'accept', version: 4 }, 409);
    expect(again.error.code).toBe('NOT_SUBMITTED');

    const revised = await call(t, east, 'POST', '/api/reports', { period: past }, 201);
    second = revised.id;
    expect(revised).toMatchObject({ revision: 2, state: 'draft', narrative: returned.narrative });
    expect(revised.revisions.map((r: { revision: number; state: string }) => [r.revision, r.state])).toEqual([
      [1, 'returned'],
      [2, 'draft'],
    ]);
    const edited = await call(
      t,
      east,
      'PATCH',
      `/api/reports/${second}`,
      { narrative: 'M-4 is inspected next week.', version: 1 },
      200,
    );
    const sent = await call(
      t,
      east,
      'POST',
      `/api/reports/${second}/submit`,
      { version: edited.version },
      200,
    );
    expect(sent.content.revision).toBe(2);
    expect(sent.sha256).not.toBe(returned.sha256);
    const accepted = await call(
      t,
      admin,
      'POST',
      `/api/reports/${second}/review`,
      { decision: 'accept', version: sent.version },
      200,
    );
    expect(accepted).toMatchObject({ state: 'accepted', reviewedBy: 'admin', reviewComment: null });
    const closed = await call(t, east, 'POST', '/api/reports', { period: past }, 409);
    expect(closed.error.code).toBe('REPORT_FROZEN');
    // The returned revision stays as it was.
    const old = await call(t, viewer, 'GET', `/api/reports/${first}`, undefined, 200);
    expect(old).toMatchObject({ state: 'returned', sha256: returned.sha256, revision: 1 });

    const audit = await call(t, admin, 'GET', '/api/audit?entity=report', undefined, 200);
    const steps = (audit as unknown as { entityId: number; action: string; username: string }[])
      .filter((r) => r.entityId === first || r.entityId === second)
      .map((r) => `${r.entityId === first ? 1 : 2} ${r.action} ${r.username}`)
      .reverse();
    expect(steps).toEqual([
      '1 open east-enforcer',
      '1 edit east-enforcer',
      '1 submit east-enforcer',
      '1 return enforcer',
      '2 open east-enforcer',
      '2 edit east-enforcer',
      '2 submit east-enforcer',
      '2 accept admin',
    ]);
  });

  it('lets only a utility enforcer open its own report; another utility’s report is not there', async () => {
    const { t, enforcer, eastViewer, east, west, admin } = a;
    expect((await call(t, enforcer, 'POST', '/api/reports', { period: past }, 403)).error.code).toBe(
      'FORBIDDEN',
    );
    expect((await call(t, eastViewer, 'POST', '/api/reports', { period: past }, 403)).error.code).toBe(
      'FORBIDDEN',
    );
    const westDraft = await call(t, west, 'POST', '/api/reports', { period: past }, 201);
    expect(westDraft.utilityId).toBe(WEST);
    for (const url of [`/api/reports/${westDraft.id}`]) {
      expect((await call(t, east, 'GET', url, undefined, 404)).error.code).toBe('NOT_FOUND');
    }
    const write = await call(
      t,
      east,
      'PATCH',
      `/api/reports/${westDraft.id}`,
      { narrative: 'x', version: 1 },
      404,
    );
    expect(write.error.code).toBe('NOT_FOUND');
    const submit = await call(t, east, 'POST', `/api/reports/${westDraft.id}/submit`, { version: 1 }, 404);
    expect(submit.error.code).toBe('NOT_FOUND');
    const list = await call(t, east, 'GET', `/api/reports?utilityId=${WEST}`, undefined, 200);
    expect(list).toEqual([]);
    const mine = (await call(t, east, 'GET', '/api/reports', undefined, 200)) as unknown as {
      utilityId: number;
    }[];
    expect(new Set(mine.map((r) => r.utilityId))).toEqual(new Set([EAST]));
    const all = (await call(t, admin, 'GET', `/api/reports?period=${past}`, undefined, 200)) as unknown as {
      utilityId: number;
    }[];
    expect(new Set(all.map((r) => r.utilityId))).toEqual(new Set([EAST, WEST]));
    // The regulator's enforcer reads the West draft, but does not write a utility's statement.
    const regulatorEdit = await call(
      t,
      enforcer,
      'PATCH',
      `/api/reports/${westDraft.id}`,
      { narrative: 'x', version: 1 },
      403,
    );
    expect(regulatorEdit.error.code).toBe('FORBIDDEN');
  });

  it('shows where the records now differ from a submitted report: a shut-down site suspected again', async () => {
    const { t, enforcer, viewer } = a;
    const site = await call(t, enforcer, 'GET', '/api/sites/5', undefined, 200);
    await call(
      t,
      enforcer,
      'PATCH',
      '/api/sites/5',
      { status: 'SUSPECTED', note: 'the meters run again', version: site.properties.version },
      200,
    );
    const report = await call(t, viewer, 'GET', `/api/reports/${second}`, undefined, 200);
    expect(report.discrepancies).toEqual(
      expect.arrayContaining([
        { kind: 'FIGURE_DIFFERS', figure: 'shutDown', reported: 1, current: 0, delta: -1 },
        expect.objectContaining({
          kind: 'REPORTED_SHUT_DOWN_NOW_ACTIVE',
          siteId: 5,
          current: { status: 'SUSPECTED', standing: 'NEITHER', loadMw: 55 },
        }),
      ]),
    );
    // The frozen content is as submitted.
    expect(report.content.figures.shutDown).toBe(1);
  });
});
