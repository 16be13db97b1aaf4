/**
 * A small hand-built dataset for the reports' tests: three utilities (East finds nothing), thirteen sites and
 * their status histories across the January/February boundary. Times are UTC; Beijing is 8 hours ahead, so
 * 2026-01-31T16:00:00.000Z is the end of 31 January in Beijing and 2026-01-31T16:30Z is 00:30 on 1 February.
 */
import type { Status } from '@gridwatch/contract';
import type { UtilityRef } from '../progress';
import type { ReportRecords, SiteRecord, StatusChangeRecord } from './draft';

export const UTILITIES: UtilityRef[] = [
  { id: 1, name: 'North', nameZh: '北' },
  { id: 2, name: 'South', nameZh: '南' },
  { id: 3, name: 'East', nameZh: '东' },
];

export const SITES: SiteRecord[] = [
  { id: 101, utilityId: 1, loadMw: 10 },
  { id: 102, utilityId: 1, loadMw: 4.5 },
  { id: 103, utilityId: 1, loadMw: 2.25 },
  { id: 104, utilityId: 1, loadMw: 7 },
  { id: 105, utilityId: 1, loadMw: 1 },
  { id: 106, utilityId: 1, loadMw: 3 },
  { id: 107, utilityId: 1, loadMw: 0.3333 },
  { id: 201, utilityId: 2, loadMw: 20 },
  { id: 202, utilityId: 2, loadMw: 5.125 },
  { id: 203, utilityId: 2, loadMw: 12 },
  { id: 205, utilityId: 2, loadMw: 2 },
  { id: 204, utilityId: null, loadMw: 8 },
  { id: 301, utilityId: 3, loadMw: 6 },
];

/** [site, to, at]: each site's history in order; ids are given in this order, `fromStatus` from the one before. */
const HISTORY: [number, Status, string][] = [
  [106, 'LICENSED', '2025-11-01T04:00:00.000Z'], // always licensed: never found
  [205, 'LICENSED', '2025-12-01T04:00:00.000Z'],
  [101, 'SUSPECTED', '2025-12-20T04:00:00.000Z'],
  [105, 'SUSPECTED', '2026-01-02T04:00:00.000Z'],
  [103, 'SUSPECTED', '2026-01-03T04:00:00.000Z'],
  [103, 'UNLICENSED', '2026-01-03T04:00:00.000Z'], // same instant: the later id is in force
  [201, 'UNLICENSED', '2026-01-04T04:00:00.000Z'],
  [102, 'SUSPECTED', '2026-01-05T04:00:00.000Z'],
  [204, 'UNLICENSED', '2026-01-06T04:00:00.000Z'], // unassigned
  [104, 'UNLICENSED', '2026-01-08T04:00:00.000Z'],
  [301, 'SUSPECTED', '2026-01-09T04:00:00.000Z'],
  [101, 'UNLICENSED', '2026-01-10T04:00:00.000Z'],
  [202, 'NO_CONTRACT', '2026-01-10T04:00:00.000Z'],
  [105, 'NOT_FOUND', '2026-01-12T04:00:00.000Z'],
  [102, 'NO_CONTRACT', '2026-01-15T04:00:00.000Z'],
  [104, 'SHUTDOWN_ORDERED', '2026-01-16T04:00:00.000Z'],
  [201, 'SHUTDOWN_ORDERED', '2026-01-18T04:00:00.000Z'],
  [101, 'SHUTDOWN_ORDERED', '2026-01-20T04:00:00.000Z'],
  [205, 'UNLICENSED', '2026-01-21T04:00:00.000Z'], // licence revoked
  [104, 'SHUT_DOWN', '2026-01-25T04:00:00.000Z'],
  [301, 'NOT_FOUND', '2026-01-30T04:00:00.000Z'],
  [102, 'LICENSED', '2026-01-31T16:00:00.000Z'], // exactly the end of 31 January in Beijing: January's
  [101, 'SHUT_DOWN', '2026-01-31T16:30:00.000Z'], // 00:30 on 1 February in Beijing: February's
  [203, 'UNLICENSED', '2026-02-01T15:59:59.999Z'], // 23:59 on 1 February in Beijing
  [201, 'SHUT_DOWN', '2026-02-03T04:00:00.000Z'],
  [104, 'SUSPECTED', '2026-02-10T04:00:00.000Z'], // found running again after its shutdown
  [205, 'LICENSED', '2026-02-12T04:00:00.000Z'],
  [107, 'SUSPECTED', '2026-02-15T04:00:00.000Z'], // first record in February: not there in January
  [107, 'UNLICENSED', '2026-02-20T04:00:00.000Z'],
  [202, 'LICENSED', '2026-02-28T04:00:00.000Z'],
  [104, 'UNLICENSED', '2026-03-02T04:00:00.000Z'],
];

function changesOf(history: readonly [number, Status, string][]): StatusChangeRecord[] {
  const last = new Map<number, Status>();
  return history.map(([siteId, toStatus, at], i) => {
    const fromStatus = last.get(siteId) ?? null;
    last.set(siteId, toStatus);
    return {
      id: i + 1,
      siteId,
      fromStatus,
      toStatus,
      at,
      username: `crew${siteId % 100}`,
      note: `n${i + 1}`,
    };
  });
}

export const CHANGES: StatusChangeRecord[] = changesOf(HISTORY);

/** The records as the store would hand them over: here in reverse, to show that order does not matter. */
export const RECORDS: ReportRecords = { sites: [...SITES].reverse(), changes: [...CHANGES].reverse() };
