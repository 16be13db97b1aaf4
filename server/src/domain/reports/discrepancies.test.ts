import { describe, expect, it } from 'vitest';
import type { ReportContent, ReportingPeriod } from '@gridwatch/contract';
import { reportContent } from './canonical';
import { findDiscrepancies } from './discrepancies';
import { computeDraft, type ReportRecords } from './draft';
import { RECORDS, SITES } from './fixtures';
import { DEFAULT_SCHEDULE, periodsOf } from './periods';

const JANUARY = periodsOf(DEFAULT_SCHEDULE)[0] as ReportingPeriod;
const LATER = Date.parse('2026-03-01T00:00:00Z');

/** North's January report as pre-filled, then as the `edit` makes it. */
function northJanuary(edit: (c: ReportContent) => ReportContent = (c) => c): ReportContent {
  const draft = computeDraft(RECORDS, 1, JANUARY, LATER);
  return edit(reportContent({ ...draft, revision: 1, narrative: '', attachments: [] }));
}

describe('findDiscrepancies', () => {
  it('finds none when the report is the draft, compared at its own instant', () => {
    expect(findDiscrepancies(northJanuary(), RECORDS)).toEqual([]);
  });

  it('finds a figure and a site the utility changed, figures first, then sites by id', () => {
    const report = northJanuary((c) => ({
      ...c,
      figures: { ...c.figures, shutDown: 2, loadRemovedMw: 17, loadStillDrawingMw: 2.25 },
      sites: c.sites.map((s) =>
        s.siteId === 101 ? { ...s, status: 'SHUT_DOWN', standing: 'SHUT_DOWN' } : s,
      ),
    }));
    expect(findDiscrepancies(report, RECORDS)).toEqual([
      { kind: 'FIGURE_DIFFERS', figure: 'shutDown', reported: 2, current: 1, delta: -1 },
      { kind: 'FIGURE_DIFFERS', figure: 'loadRemovedMw', reported: 17, current: 7, delta: -10 },
      { kind: 'FIGURE_DIFFERS', figure: 'loadStillDrawingMw', reported: 2.25, current: 12.25, delta: 10 },
      {
        kind: 'REPORTED_SHUT_DOWN_NOW_ACTIVE',
        siteId: 101,
        reported: { siteId: 101, status: 'SHUT_DOWN', standing: 'SHUT_DOWN', loadMw: 10 },
        current: { status: 'SHUTDOWN_ORDERED', standing: 'STILL_DRAWING', loadMw: 10 },
      },
    ]);
  });

  it('shows, compared with a later instant, a shut-down site SUSPECTED again and a site found since', () => {
    const found = findDiscrepancies(northJanuary(), RECORDS, LATER);
    expect(found.map((d) => [d.kind, 'siteId' in d ? d.siteId : d.figure])).toEqual([
      ['FIGURE_DIFFERS', 'found'],
      ['FIGURE_DIFFERS', 'loadRemovedMw'],
      ['FIGURE_DIFFERS', 'loadStillDrawingMw'],
      ['SITE_STATUS_DIFFERS', 101], // reported still drawing, now shut down
      ['REPORTED_SHUT_DOWN_NOW_ACTIVE', 104], // reported shut down, SUSPECTED since 10 February
      ['SITE_NOT_REPORTED', 107], // found in February
    ]);
    expect(found[4]).toMatchObject({ current: { status: 'SUSPECTED', standing: 'NEITHER' } });
    expect(found[0]).toEqual({ kind: 'FIGURE_DIFFERS', figure: 'found', reported: 4, current: 5, delta: 1 });
  });

  it('tells a site attributed elsewhere now, one never found illegal, one unknown, and a load corrected', () => {
    const records: ReportRecords = {
      changes: RECORDS.changes,
      sites: SITES.map((s) =>
        s.id === 103 ? { ...s, utilityId: 2 } : s.id === 102 ? { ...s, loadMw: 4.6 } : s,
      ),
    };
    const report = northJanuary((c) => ({
      ...c,
      sites: [
        ...c.sites,
        { siteId: 105, status: 'UNLICENSED', standing: 'STILL_DRAWING', loadMw: 1 },
        { siteId: 999, status: 'SHUT_DOWN', standing: 'SHUT_DOWN', loadMw: 3 },
      ],
    }));
    expect(findDiscrepancies(report, records)).toEqual([
      { kind: 'FIGURE_DIFFERS', figure: 'found', reported: 4, current: 3, delta: -1 },
      { kind: 'FIGURE_DIFFERS', figure: 'loadStillDrawingMw', reported: 12.25, current: 10, delta: -2.25 },
      { kind: 'SITE_LOAD_DIFFERS', siteId: 102, reported: 4.5, current: 4.6, delta: 0.1 },
      {
        kind: 'SITE_NOT_ATTRIBUTED',
        siteId: 103,
        reported: { siteId: 103, status: 'UNLICENSED', standing: 'STILL_DRAWING', loadMw: 2.25 },
        currentUtilityId: 2,
      },
      {
        kind: 'SITE_NOT_FOUND_ILLEGAL',
        siteId: 105,
        reported: { siteId: 105, status: 'UNLICENSED', standing: 'STILL_DRAWING', loadMw: 1 },
        currentStatus: 'NOT_FOUND',
      },
      {
        kind: 'SITE_NOT_IN_RECORDS',
        siteId: 999,
        reported: { siteId: 999, status: 'SHUT_DOWN', standing: 'SHUT_DOWN', loadMw: 3 },
      },
    ]);
  });

  it('tells a site reported licensed that is illegal again', () => {
    // South's 205 was licensed until its licence was revoked on 21 January.
    const draft = computeDraft(RECORDS, 2, JANUARY, LATER);
    const report = reportContent({
      ...draft,
      revision: 1,
      narrative: '',
      attachments: [],
      sites: draft.sites.map((s) =>
        s.siteId === 205 ? { ...s, status: 'LICENSED', standing: 'LICENSED_AFTER' } : s,
      ),
    });
    expect(findDiscrepancies(report, RECORDS).map((d) => d.kind)).toEqual(['REPORTED_LICENSED_NOW_ACTIVE']);
  });
});
