import { describe, expect, it } from 'vitest';
import { summarizeSites, unlicensedStatuses } from './summaries';

describe('summarizeSites', () => {
  const sites = [
    { status: 'UNLICENSED' as const, loadMw: 10.0004 },
    { status: 'UNLICENSED' as const, loadMw: 0.0002 },
    { status: 'NO_CONTRACT' as const, loadMw: 5.5 },
    { status: 'LICENSED' as const, loadMw: 100 },
  ];

  it('counts only the statuses asked for, each present even when zero', () => {
    expect(summarizeSites(sites, unlicensedStatuses(false))).toEqual({
      siteCount: 3,
      totalLoadMw: 15.501,
      byStatus: {
        UNLICENSED: { count: 2, loadMw: 10.001 },
        NO_CONTRACT: { count: 1, loadMw: 5.5 },
        SHUTDOWN_ORDERED: { count: 0, loadMw: 0 },
      },
    });
  });

  it('covers every status by default', () => {
    const summary = summarizeSites(sites);
    expect(summary.siteCount).toBe(4);
    expect(summary.totalLoadMw).toBe(115.501);
    expect(Object.keys(summary.byStatus)).toHaveLength(7);
  });

  it('is zero for no sites', () => {
    expect(summarizeSites([], ['UNLICENSED'])).toEqual({
      siteCount: 0,
      totalLoadMw: 0,
      byStatus: { UNLICENSED: { count: 0, loadMw: 0 } },
    });
  });

  it('adds SUSPECTED to the unlicensed statuses only when asked', () => {
    expect(unlicensedStatuses(false)).not.toContain('SUSPECTED');
    expect(unlicensedStatuses(true)).toContain('SUSPECTED');
  });
});
