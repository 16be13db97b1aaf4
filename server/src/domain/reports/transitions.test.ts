import { describe, expect, it } from 'vitest';
import {
  afterStep,
  checkReportTransition,
  noReportYet,
  type ReportActor,
  type ReportHead,
  type ReportStep,
} from './transitions';

const OPENS_AT = '2026-01-31T16:00:00.000Z';
const AFTER = Date.parse(OPENS_AT) + 1;

const north: ReportActor = { role: 'enforcer', utilityId: 1 };
const northViewer: ReportActor = { role: 'viewer', utilityId: 1 };
const south: ReportActor = { role: 'enforcer', utilityId: 2 };
const regulator: ReportActor = { role: 'enforcer', utilityId: null };
const regulatorViewer: ReportActor = { role: 'viewer', utilityId: null };
const admin: ReportActor = { role: 'admin', utilityId: null };

const head = (state: ReportHead['state'], revision = 1, version = 3): ReportHead => ({
  utilityId: 1,
  revision,
  state,
  version,
});
const submit = (version = 3, nowMs = AFTER): ReportStep => ({
  action: 'submit',
  version,
  nowMs,
  opensAt: OPENS_AT,
});

describe('checkReportTransition', () => {
  it('walks a report through open, edit, submit, return, a second revision, submit and accept', () => {
    let report = noReportYet(1);
    const steps: [ReportStep, ReportActor][] = [
      [{ action: 'open', version: 0 }, north],
      [{ action: 'edit', version: 1 }, north],
      [submit(2), north],
      [{ action: 'return', version: 3, note: 'Site 104 is running again' }, regulator],
      [{ action: 'open', version: 4 }, north],
      [submit(5), north],
      [{ action: 'accept', version: 6 }, admin],
    ];
    const seen: string[] = [];
    for (const [step, actor] of steps) {
      expect(checkReportTransition(report, step, actor)).toBeNull();
      const next = afterStep(report, step.action);
      // The store writes the step and bumps the version; a new revision starts a new row.
      report = { ...report, ...next, version: report.version + 1 };
      seen.push(`${next.state}(${next.revision})`);
    }
    expect(seen).toEqual([
      'draft(1)',
      'draft(1)',
      'submitted(1)',
      'returned(1)',
      'draft(2)',
      'submitted(2)',
      'accepted(2)',
    ]);
  });

  it.each<[string, ReportHead, ReportStep, ReportActor, string]>([
    [
      'a viewer of the utility opens',
      noReportYet(1),
      { action: 'open', version: 0 },
      northViewer,
      'FORBIDDEN',
    ],
    ['another utility edits', head('draft'), { action: 'edit', version: 3 }, south, 'FORBIDDEN'],
    ['the regulator opens', noReportYet(1), { action: 'open', version: 0 }, regulator, 'FORBIDDEN'],
    ['an admin submits', head('draft'), submit(), admin, 'FORBIDDEN'],
    ['the utility accepts its own', head('submitted'), { action: 'accept', version: 3 }, north, 'FORBIDDEN'],
    [
      'a regulator viewer returns',
      head('submitted'),
      { action: 'return', version: 3, note: 'x' },
      regulatorViewer,
      'FORBIDDEN',
    ],
    [
      'another utility asks of none (who before whether)',
      noReportYet(1),
      { action: 'edit', version: 0 },
      south,
      'FORBIDDEN',
    ],
    ['an edit of none', noReportYet(1), { action: 'edit', version: 0 }, north, 'NOT_FOUND'],
    ['an accept of none', noReportYet(1), { action: 'accept', version: 0 }, regulator, 'NOT_FOUND'],
    ['a stale edit', head('draft'), { action: 'edit', version: 2 }, north, 'VERSION_CONFLICT'],
    [
      'a stale edit of a submitted one (conflict first)',
      head('submitted'),
      { action: 'edit', version: 2 },
      north,
      'VERSION_CONFLICT',
    ],
    [
      'an open where one was opened meanwhile',
      head('draft', 1, 1),
      { action: 'open', version: 0 },
      north,
      'VERSION_CONFLICT',
    ],
    ['an open over a draft', head('draft'), { action: 'open', version: 3 }, north, 'REPORT_EXISTS'],
    [
      'an open over a submitted one',
      head('submitted'),
      { action: 'open', version: 3 },
      north,
      'REPORT_FROZEN',
    ],
    [
      'an open over an accepted one',
      head('accepted'),
      { action: 'open', version: 3 },
      north,
      'REPORT_FROZEN',
    ],
    ['an edit of a submitted one', head('submitted'), { action: 'edit', version: 3 }, north, 'REPORT_FROZEN'],
    ['an edit of a returned one', head('returned'), { action: 'edit', version: 3 }, north, 'REPORT_FROZEN'],
    ['a second submit', head('submitted'), submit(), north, 'REPORT_FROZEN'],
    ['an accept of a draft', head('draft'), { action: 'accept', version: 3 }, regulator, 'NOT_SUBMITTED'],
    [
      'a return of an accepted one',
      head('accepted'),
      { action: 'return', version: 3, note: 'x' },
      admin,
      'NOT_SUBMITTED',
    ],
    ['a submit before the period ends', head('draft'), submit(3, AFTER - 2), north, 'PERIOD_NOT_ENDED'],
    [
      'a return without a note',
      head('submitted'),
      { action: 'return', version: 3, note: '  ' },
      regulator,
      'NOTE_REQUIRED',
    ],
  ])('refuses %s', (_, report, step, actor, code) => {
    expect(checkReportTransition(report, step, actor)?.code).toBe(code);
  });

  it('says the current version on a conflict', () => {
    expect(checkReportTransition(head('draft'), { action: 'edit', version: 2 }, north)).toEqual({
      code: 'VERSION_CONFLICT',
      message: 'The report was changed meanwhile: you have version 2, it is now 3',
      details: [{ currentVersion: 3 }],
    });
  });

  it('lets a report be submitted from the instant its period ends, and late', () => {
    expect(checkReportTransition(head('draft'), submit(3, Date.parse(OPENS_AT)), north)).toBeNull();
    expect(
      checkReportTransition(head('draft'), submit(3, Date.parse('2026-12-31T00:00:00Z')), north),
    ).toBeNull();
  });

  it('lets an admin of the regulator review, and a utility’s admin account act for its utility', () => {
    expect(checkReportTransition(head('submitted'), { action: 'accept', version: 3 }, admin)).toBeNull();
    expect(checkReportTransition(head('draft'), submit(), { role: 'admin', utilityId: 1 })).toBeNull();
  });
});
