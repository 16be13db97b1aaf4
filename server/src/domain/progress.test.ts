import { describe, expect, it } from 'vitest';
import { elapsedShare, progressByUtility, roundShare, type SiteAsOf } from './progress';

const utilities = [
  { id: 1, name: 'North', nameZh: '北' },
  { id: 2, name: 'South', nameZh: '南' },
];
const site = (utilityId: number | null, status: SiteAsOf['status'], loadMw: number, everIllegal = true) => ({
  utilityId,
  status,
  loadMw,
  everIllegal,
});

describe('progressByUtility', () => {
  it('counts the found sites by where they stand and sums their loads', () => {
    const rows = progressByUtility(
      utilities,
      [
        site(1, 'SHUT_DOWN', 10.5),
        site(1, 'LICENSED', 4),
        site(1, 'UNLICENSED', 0.1),
        site(1, 'NO_CONTRACT', 0.2),
        site(1, 'SHUTDOWN_ORDERED', 0.0005),
        site(1, 'SUSPECTED', 99), // found running again after a shutdown: found, not done, not drawing
        site(1, 'LICENSED', 50, false), // always licensed: never found
        site(1, 'NOT_FOUND', 50, false),
      ],
      0.5,
    );
    expect(rows[0]).toEqual({
      utilityId: 1,
      name: 'North',
      nameZh: '北',
      found: 6,
      shutDown: 1,
      licensedAfter: 1,
      loadRemovedMw: 10.5,
      loadStillDrawingMw: 0.301, // 0.3005 rounds half up
      shareDone: 0.3333,
      onTrack: false,
    });
  });

  it('gives a utility with nothing found a share of 1, on track', () => {
    const rows = progressByUtility(utilities, [site(1, 'UNLICENSED', 1)], 1);
    expect(rows[1]).toMatchObject({ utilityId: 2, found: 0, shareDone: 1, onTrack: true });
    expect(rows).toHaveLength(2);
  });

  it('adds an unassigned row last when a site has no utility, found or not', () => {
    const rows = progressByUtility(utilities, [site(null, 'LICENSED', 3, false)], 0);
    expect(rows.map((r) => r.utilityId)).toEqual([1, 2, null]);
    expect(rows[2]).toMatchObject({ name: 'Unassigned', found: 0, shareDone: 1, onTrack: true });
  });

  it('is on track when the share equals the time elapsed, and compares the unrounded share', () => {
    const half = [site(2, 'SHUT_DOWN', 1), site(2, 'UNLICENSED', 1)];
    expect(progressByUtility(utilities, half, 0.5)[1]?.onTrack).toBe(true);
    expect(progressByUtility(utilities, half, 0.50001)[1]?.onTrack).toBe(false);
    const third = [site(2, 'SHUT_DOWN', 1), site(2, 'UNLICENSED', 1), site(2, 'UNLICENSED', 1)];
    // 1/3 is shown as 0.3333 but is above 0.33333.
    expect(progressByUtility(utilities, third, 0.33333)[1]).toMatchObject({
      shareDone: 0.3333,
      onTrack: true,
    });
  });
});

describe('roundShare', () => {
  it('rounds half up to 4 decimals', () => {
    expect(roundShare(1, 3)).toBe(0.3333);
    expect(roundShare(2, 3)).toBe(0.6667);
    expect(roundShare(1, 32)).toBe(0.0313); // 0.03125
    expect(roundShare(1, 160)).toBe(0.0063); // 0.00625, not representable in binary
    expect(roundShare(5, 5)).toBe(1);
  });
});

describe('elapsedShare', () => {
  it('is the fraction of start → deadline gone by, clamped to 0..1', () => {
    expect(elapsedShare(0, 100, 25)).toEqual({ exact: 0.25, rounded: 0.25 });
    expect(elapsedShare(0, 100, -5)).toEqual({ exact: 0, rounded: 0 });
    expect(elapsedShare(0, 100, 150)).toEqual({ exact: 1, rounded: 1 });
    expect(elapsedShare(0, 3, 1)).toEqual({ exact: 1 / 3, rounded: 0.3333 });
  });
});
