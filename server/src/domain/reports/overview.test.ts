import { describe, expect, it } from 'vitest';
import type { ReportFigures, ReportingPeriod } from '@gridwatch/contract';
import { progressByUtility, type UtilityProgress, type UtilityRef } from '../progress';
import { sitesAt } from './draft';
import { RECORDS, UTILITIES } from './fixtures';
import { daysAfter, reportOverview, type ReportRevisionSummary } from './overview';
import { DEFAULT_SCHEDULE, periodsOf } from './periods';

const JANUARY = periodsOf(DEFAULT_SCHEDULE)[0] as ReportingPeriod; // due 2026-02-05T16:00:00.000Z
const DUE = Date.parse(JANUARY.dueAt);
/** Noon on 9 February in Beijing: 4 Beijing days after the due day. */
const NOW = Date.parse('2026-02-09T04:00:00.000Z');

const utilities: UtilityRef[] = Array.from({ length: 10 }, (_, i) => ({
  id: i + 1,
  name: `U${i + 1}`,
  nameZh: `公司${i + 1}`,
}));
const figures = (found: number, done: number): ReportFigures => ({
  found,
  shutDown: done,
  licensedAfter: 0,
  loadRemovedMw: done,
  loadStillDrawingMw: found - done,
});
const progressRow = (utilityId: number, f: ReportFigures): UtilityProgress => ({
  utilityId,
  name: '',
  nameZh: '',
  ...f,
  shareDone: f.found === 0 ? 1 : f.shutDown / f.found,
  onTrack: true,
});
const revision = (
  utilityId: number,
  rev: number,
  state: ReportRevisionSummary['state'],
  submittedAt: string | null = null,
): ReportRevisionSummary => ({
  utilityId,
  period: '2026-01',
  revision: rev,
  state,
  submittedAt,
  figures: state === 'draft' ? null : figures(4, rev),
});

describe('daysAfter', () => {
  it('counts Beijing days after the end of the due day; the end instant itself is on time', () => {
    expect(daysAfter(DUE, DUE - 1)).toBe(0);
    expect(daysAfter(DUE, DUE)).toBe(0);
    expect(daysAfter(DUE, DUE + 1)).toBe(1); // 00:00:00.001 on 6 February in Beijing
    expect(daysAfter(DUE, DUE + 86_400_000)).toBe(1); // the end of 6 February
    expect(daysAfter(DUE, DUE + 86_400_001)).toBe(2);
  });
});

describe('reportOverview', () => {
  const reports: ReportRevisionSummary[] = [
    revision(1, 1, 'submitted', '2026-02-05T15:00:00.000Z'), // on time, awaiting review
    revision(2, 1, 'submitted', '2026-02-05T16:00:00.000Z'), // at the due instant: on time
    // 3: nothing at all: missing, 4 days
    revision(4, 1, 'submitted', '2026-02-05T16:00:00.001Z'), // late by 1
    revision(5, 1, 'submitted', '2026-02-07T16:00:00.000Z'), // late by 2 (the end of 7 February)
    revision(6, 1, 'returned', '2026-02-01T04:00:00.000Z'),
    revision(6, 2, 'draft'), // being revised
    revision(7, 1, 'accepted', '2026-02-02T04:00:00.000Z'),
    revision(8, 1, 'accepted', '2026-02-06T04:00:00.000Z'), // accepted, but was late by 1
    revision(9, 1, 'accepted', '2026-02-03T04:00:00.000Z'),
    revision(10, 1, 'draft'), // a draft never submitted: missing
    { ...revision(1, 1, 'accepted', '2026-03-02T00:00:00.000Z'), period: '2026-02' }, // another period
  ];
  const progress = [
    progressRow(1, figures(4, 2)),
    progressRow(2, figures(4, 4)),
    progressRow(3, figures(4, 0)),
    progressRow(4, figures(4, 4)),
    progressRow(5, figures(4, 4)),
    progressRow(6, figures(0, 0)),
    progressRow(7, figures(0, 0)), // found nothing
    progressRow(8, figures(10, 1)), // behind: 0.1 against 0.1646
    progressRow(9, figures(10, 0)), // further behind
    progressRow(10, figures(2, 2)),
  ];
  const rows = reportOverview({
    schedule: DEFAULT_SCHEDULE,
    period: JANUARY,
    utilities,
    reports,
    progress,
    nowMs: NOW,
  });

  it('sorts missing and late (most days first), returned, nothing found, behind (largest gap), the rest', () => {
    expect(rows.map((r) => [r.utilityId, r.state, r.daysLate, r.pace])).toEqual([
      [3, 'MISSING', 4, 'BEHIND'],
      [10, 'MISSING', 4, 'ON_TRACK'], // same days as 3: by id
      [5, 'LATE', 2, 'ON_TRACK'],
      [4, 'LATE', 1, 'ON_TRACK'],
      [6, 'RETURNED', 0, 'NOTHING_FOUND'],
      [7, 'ACCEPTED', 0, 'NOTHING_FOUND'],
      [9, 'ACCEPTED', 0, 'BEHIND'],
      [8, 'ACCEPTED', 1, 'BEHIND'],
      [1, 'ON_TIME', 0, 'ON_TRACK'],
      [2, 'ON_TIME', 0, 'ON_TRACK'],
    ]);
  });

  it('shows nothing found as such, not as 100 % done', () => {
    const seven = rows.find((r) => r.utilityId === 7);
    expect(seven).toMatchObject({ pace: 'NOTHING_FOUND', shareDone: null });
  });

  it('gives reported and current figures, the latest revision and submission, and the elapsed share', () => {
    // 40 of the campaign's 243 days are gone at the end of 9 February.
    expect(rows.every((r) => r.elapsedShare === 0.1646)).toBe(true);
    expect(rows.find((r) => r.utilityId === 6)).toMatchObject({
      revision: 2,
      submittedAt: '2026-02-01T04:00:00.000Z',
      reported: figures(4, 1), // revision 1's, the latest submitted
      current: figures(0, 0),
    });
    expect(rows.find((r) => r.utilityId === 1)).toMatchObject({ shareDone: 0.5, reported: figures(4, 1) });
    expect(rows.find((r) => r.utilityId === 3)).toMatchObject({
      revision: null,
      submittedAt: null,
      reported: null,
    });
    expect(rows.find((r) => r.utilityId === 10)).toMatchObject({ revision: 1, reported: null });
  });

  it('shows a report not yet due as DUE, and judges lateness by the first submission', () => {
    const before = reportOverview({
      schedule: DEFAULT_SCHEDULE,
      period: JANUARY,
      utilities,
      reports: [
        revision(6, 1, 'returned', '2026-02-05T10:00:00.000Z'),
        revision(6, 2, 'submitted', '2026-02-20T00:00:00.000Z'),
      ],
      progress,
      nowMs: Date.parse('2026-02-05T15:59:59.999Z'),
    });
    expect(before.find((r) => r.utilityId === 3)).toMatchObject({ state: 'DUE', daysLate: 0 });
    expect(before.find((r) => r.utilityId === 6)).toMatchObject({ state: 'ON_TIME', daysLate: 0 });
  });

  it('reads the fixture’s progress on 30 January: East found nothing, South behind, North on track', () => {
    // The progress report's rows at the end of 30 January, as the route would read them.
    const current = progressByUtility(
      UTILITIES,
      [...sitesAt(RECORDS, Date.parse('2026-01-30T16:00:00.000Z')).values()],
      0,
    );
    const overview = reportOverview({
      schedule: DEFAULT_SCHEDULE,
      period: JANUARY,
      utilities: UTILITIES,
      reports: [],
      progress: current,
      nowMs: Date.parse('2026-01-30T15:00:00.000Z'),
    });
    expect(overview.map((r) => [r.utilityId, r.state, r.pace, r.shareDone])).toEqual([
      [3, 'DUE', 'NOTHING_FOUND', null],
      [2, 'DUE', 'BEHIND', 0], // 0 of 3 done
      [1, 'DUE', 'ON_TRACK', 0.25], // 1 of 4 done (104), 30 of 243 days gone
    ]);
  });
});
