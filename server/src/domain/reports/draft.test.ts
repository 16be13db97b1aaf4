import { describe, expect, it } from 'vitest';
import { endOfDayIso, isTransitionAllowed, type ReportingPeriod } from '@gridwatch/contract';
import { progressByUtility, type SiteAsOf } from '../progress';
import { computeDraft, computeDraftAt } from './draft';
import { CHANGES, RECORDS, SITES, UTILITIES } from './fixtures';
import { addDays, DEFAULT_SCHEDULE, periodsOf } from './periods';

const PERIODS = periodsOf(DEFAULT_SCHEDULE);
const period = (name: string) => PERIODS.find((p) => p.period === name) as ReportingPeriod;
const AFTER_ALL = Date.parse('2027-01-01T00:00:00Z');

/**
 * docs/progress.md's rule written out independently: the last record with `at ≤` the end of the day, compared
 * as ISO text as the store's SQL compares it (then the latest id); found when any record up to then was
 * UNLICENSED, NO_CONTRACT or SHUTDOWN_ORDERED; sites without a record left out. Fed to progressByUtility.
 */
function progressInputsAt(day: string): SiteAsOf[] {
  const end = endOfDayIso(day);
  const out: SiteAsOf[] = [];
  for (const site of [...SITES].sort((a, b) => a.id - b.id)) {
    const upTo = CHANGES.filter((c) => c.siteId === site.id && c.at <= end).sort((a, b) =>
      a.at === b.at ? a.id - b.id : a.at < b.at ? -1 : 1,
    );
    const last = upTo[upTo.length - 1];
    if (!last) continue;
    const everIllegal = upTo.some((c) =>
      ['UNLICENSED', 'NO_CONTRACT', 'SHUTDOWN_ORDERED'].includes(c.toStatus),
    );
    out.push({ utilityId: site.utilityId, loadMw: site.loadMw, status: last.toStatus, everIllegal });
  }
  return out;
}

describe('the fixture', () => {
  it('moves each site only as the statuses allow', () => {
    for (const c of CHANGES)
      if (c.fromStatus !== null) expect(isTransitionAllowed(c.fromStatus, c.toStatus)).toBe(true);
  });
});

describe('computeDraft', () => {
  it('gives, for every utility and every day, the numbers of the progress report at the end of that day', () => {
    const days = Array.from({ length: 100 }, (_, i) => addDays('2025-12-25', i));
    for (const day of days) {
      const rows = progressByUtility(UTILITIES, progressInputsAt(day), 0);
      for (const utility of UTILITIES) {
        const { found, shutDown, licensedAfter, loadRemovedMw, loadStillDrawingMw } = rows.find(
          (r) => r.utilityId === utility.id,
        )!;
        const oneDay = { period: day, from: day, to: day };
        const draft = computeDraftAt(RECORDS, utility.id, oneDay, Date.parse(endOfDayIso(day)));
        expect({ day, ...draft.figures }).toEqual({
          day,
          found,
          shutDown,
          licensedAfter,
          loadRemovedMw,
          loadStillDrawingMw,
        });
        expect(draft.sites).toHaveLength(found);
      }
    }
  });

  it('fills January for North: a change at the end of 31 January counts, 00:30 on 1 February does not', () => {
    const draft = computeDraft(RECORDS, 1, period('2026-01'), AFTER_ALL);
    expect(draft).toMatchObject({
      utilityId: 1,
      period: '2026-01',
      from: '2026-01-01',
      to: '2026-01-31',
      asOf: '2026-01-31T16:00:00.000Z',
      figures: { found: 4, shutDown: 1, licensedAfter: 1, loadRemovedMw: 7, loadStillDrawingMw: 12.25 },
    });
    expect(draft.sites).toEqual([
      { siteId: 101, status: 'SHUTDOWN_ORDERED', standing: 'STILL_DRAWING', loadMw: 10 },
      { siteId: 102, status: 'LICENSED', standing: 'LICENSED_AFTER', loadMw: 4.5 },
      { siteId: 103, status: 'UNLICENSED', standing: 'STILL_DRAWING', loadMw: 2.25 }, // same instant: later id
      { siteId: 104, status: 'SHUT_DOWN', standing: 'SHUT_DOWN', loadMw: 7 },
    ]);
    // 105 (SUSPECTED, NOT_FOUND) and 106 (always LICENSED) were never found; 107 had no record yet.
    const changes = draft.changes.map((c) => [c.siteId, c.to, c.at]);
    expect(changes).toContainEqual([102, 'LICENSED', '2026-01-31T16:00:00.000Z']);
    expect(changes).not.toContainEqual([101, 'SHUT_DOWN', '2026-01-31T16:30:00.000Z']);
    expect(draft.changes.every((c) => [101, 102, 103, 104, 105].includes(c.siteId))).toBe(true);
    expect(draft.changes).toHaveLength(12); // 101's SUSPECTED of 20 December is before the period
    expect(draft.changes[0]).toEqual({
      id: 4,
      siteId: 105,
      from: null,
      to: 'SUSPECTED',
      at: '2026-01-02T04:00:00.000Z',
      by: 'crew5',
      note: 'n4',
    });
  });

  it('fills February for North: the shutdown of 00:30 on 1 February, a site found running again, a new site', () => {
    const draft = computeDraft(RECORDS, 1, period('2026-02'), AFTER_ALL);
    expect(draft.figures).toEqual({
      found: 5,
      shutDown: 1,
      licensedAfter: 1,
      loadRemovedMw: 10,
      loadStillDrawingMw: 2.583, // 2.25 + 0.3333
    });
    expect(draft.sites.map((s) => [s.siteId, s.standing])).toEqual([
      [101, 'SHUT_DOWN'],
      [102, 'LICENSED_AFTER'],
      [103, 'STILL_DRAWING'],
      [104, 'NEITHER'], // SUSPECTED after its shutdown: found, neither done nor drawing
      [107, 'STILL_DRAWING'],
    ]);
    expect(draft.changes.map((c) => [c.id, c.siteId, c.from, c.to])).toEqual([
      [23, 101, 'SHUTDOWN_ORDERED', 'SHUT_DOWN'],
      [26, 104, 'SHUT_DOWN', 'SUSPECTED'],
      [28, 107, null, 'SUSPECTED'],
      [29, 107, 'SUSPECTED', 'UNLICENSED'],
    ]);
  });

  it('fills South and leaves East, which found nothing, at zero', () => {
    expect(computeDraft(RECORDS, 2, period('2026-01'), AFTER_ALL).figures).toEqual({
      found: 3,
      shutDown: 0,
      licensedAfter: 0,
      loadRemovedMw: 0,
      loadStillDrawingMw: 27.125,
    });
    const february = computeDraft(RECORDS, 2, period('2026-02'), AFTER_ALL);
    expect(february.figures).toEqual({
      found: 4,
      shutDown: 1,
      licensedAfter: 2,
      loadRemovedMw: 20,
      loadStillDrawingMw: 12,
    });
    expect(february.changes.map((c) => c.siteId)).toEqual([203, 201, 205, 202]);
    const east = computeDraft(RECORDS, 3, period('final'), AFTER_ALL);
    expect(east.figures).toEqual({
      found: 0,
      shutDown: 0,
      licensedAfter: 0,
      loadRemovedMw: 0,
      loadStillDrawingMw: 0,
    });
    expect(east.sites).toEqual([]);
    expect(east.changes.map((c) => c.to)).toEqual(['SUSPECTED', 'NOT_FOUND']);
  });

  it('takes a report made before its period ends at that instant (a final report sent early)', () => {
    const now = Date.parse('2026-02-11T02:00:00.000Z');
    const draft = computeDraft(RECORDS, 1, period('final'), now);
    expect(draft.asOf).toBe('2026-02-11T02:00:00.000Z');
    expect(draft.sites.find((s) => s.siteId === 104)?.standing).toBe('NEITHER');
    expect(draft.changes.at(-1)?.at).toBe('2026-02-10T04:00:00.000Z');
    expect(draft.changes.some((c) => c.siteId === 101 && c.to === 'SUSPECTED')).toBe(false); // 20 Dec: before
  });
});
