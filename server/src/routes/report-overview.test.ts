import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS } from '../../test/test-app';
import {
  call,
  EAST,
  makeReportsApp,
  NORTH,
  setSchedule,
  testSchedule,
  WEST,
  type ReportsApp,
} from '../../test/reports-kit';

type Row = { utilityId: number; state: string; daysLate: number; pace: string; revision: number | null };

/**
 * The regulator's overview over HTTP (issue 12, docs/reports.md "The overview"): each utility's state for the
 * period as reports are sent, returned, accepted and the due date moves; what needs attention first; a utility
 * that found nothing shown as such; a utility's user sees its own row only.
 */
describe.each(BACKENDS)("the reports' overview on %s", (backend) => {
  let a: ReportsApp;
  const { past, daysLateNow } = testSchedule(31);
  beforeAll(async () => {
    a = await makeReportsApp(backend, 31);
  });
  afterAll(async () => a.t.close());

  const overview = async (cookie = a.viewer) =>
    (await call(a.t, cookie, 'GET', `/api/reports/overview?period=${past}`, undefined, 200)).rows as Row[];
  const states = (rows: Row[]) => rows.map((r) => [r.utilityId, r.state, r.daysLate]);
  const send = async (cookie: string) => {
    const draft = await call(a.t, cookie, 'POST', '/api/reports', { period: past }, 201);
    return call(a.t, cookie, 'POST', `/api/reports/${draft.id}/submit`, { version: draft.version }, 200);
  };

  it('goes from due to on time, returned, late, missing and accepted, the urgent first', async () => {
    const { t, enforcer, admin, east, west } = a;
    // Not yet due (31 grace days). North Power has found nothing: near the top, not "100 % done".
    const first = await overview();
    expect(states(first)).toEqual([
      [NORTH, 'DUE', 0],
      [WEST, 'DUE', 0],
      [EAST, 'DUE', 0],
    ]);
    expect(first[0]).toMatchObject({ pace: 'NOTHING_FOUND', revision: null });

    const eastReport = await send(east);
    const westReport = await send(west);
    await call(
      t,
      enforcer,
      'POST',
      `/api/reports/${westReport.id}/review`,
      { decision: 'return', comment: 'List the inspections.', version: westReport.version },
      200,
    );
    const sent = await overview();
    expect(states(sent)).toEqual([
      [WEST, 'RETURNED', 0],
      [NORTH, 'DUE', 0],
      [EAST, 'ON_TIME', 0],
    ]);
    expect(sent.find((r) => r.utilityId === EAST)).toMatchObject({
      revision: 1,
      reported: eastReport.content.figures,
      current: eastReport.content.figures,
    });

    // The due date moves to the end of the period: East's report came late, North's is missing.
    await setSchedule(t, admin, 0);
    expect(states(await overview())).toEqual([
      [EAST, 'LATE', daysLateNow],
      [NORTH, 'MISSING', daysLateNow],
      [WEST, 'RETURNED', daysLateNow],
    ]);
    const summary = await call(t, east, 'GET', `/api/reports/${eastReport.id}`, undefined, 200);
    expect(summary.daysLate).toBe(daysLateNow);

    await call(
      t,
      admin,
      'POST',
      `/api/reports/${eastReport.id}/review`,
      { decision: 'accept', version: eastReport.version },
      200,
    );
    // West revises: still RETURNED while its next revision is a draft.
    await call(t, west, 'POST', '/api/reports', { period: past }, 201);
    expect(states(await overview())).toEqual([
      [NORTH, 'MISSING', daysLateNow],
      [WEST, 'RETURNED', daysLateNow],
      [EAST, 'ACCEPTED', daysLateNow],
    ]);
    expect(states(await overview(east))).toEqual([[EAST, 'ACCEPTED', daysLateNow]]);
    expect(states(await overview(a.north))).toEqual([[NORTH, 'MISSING', daysLateNow]]);
  });
});
