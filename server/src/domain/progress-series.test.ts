import { describe, expect, it } from 'vitest';
import type { UtilityProgress } from './progress';
import { progressSeries, seriesDates, seriesLength } from './progress-series';

describe('seriesDates', () => {
  it('steps from the first day and always ends on the last', () => {
    expect(seriesDates('2026-01-01', '2026-01-20', 7)).toEqual([
      '2026-01-01',
      '2026-01-08',
      '2026-01-15',
      '2026-01-20',
    ]);
    expect(seriesDates('2026-01-01', '2026-01-15', 7)).toEqual(['2026-01-01', '2026-01-08', '2026-01-15']);
  });

  it('crosses month ends and leap days by the calendar', () => {
    expect(seriesDates('2028-02-27', '2028-03-02', 1)).toEqual([
      '2028-02-27',
      '2028-02-28',
      '2028-02-29',
      '2028-03-01',
      '2028-03-02',
    ]);
  });

  it('is one day when first and last are the same, none when last is before first', () => {
    expect(seriesDates('2026-05-01', '2026-05-01', 7)).toEqual(['2026-05-01']);
    expect(seriesDates('2026-05-01', '2026-04-30', 7)).toEqual([]);
  });

  it('has the length seriesLength announces', () => {
    for (const [first, last, step] of [
      ['2026-01-01', '2026-08-31', 7],
      ['2026-01-01', '2026-08-31', 1],
      ['2026-01-01', '2026-01-29', 7],
      ['2026-01-01', '2026-01-01', 31],
      ['2026-01-02', '2026-01-01', 3],
      ['2025-01-01', '2026-12-31', 31],
    ] as const) {
      expect(seriesLength(first, last, step)).toBe(seriesDates(first, last, step).length);
    }
  });
});

const row = (utilityId: number | null, shareDone: number, loadStillDrawingMw: number): UtilityProgress => ({
  utilityId,
  name: utilityId === null ? 'Unassigned' : `U${utilityId}`,
  nameZh: utilityId === null ? '未归属' : `U${utilityId}`,
  found: 1,
  shutDown: 0,
  licensedAfter: 0,
  loadRemovedMw: 0,
  loadStillDrawingMw,
  shareDone,
  onTrack: false,
});

describe('progressSeries', () => {
  it('makes one line per row, values in the order of the reports', () => {
    const series = progressSeries([
      [row(1, 0, 5), row(2, 1, 0)],
      [row(1, 0.5, 2.5), row(2, 0.25, 9)],
    ]);
    expect(series).toEqual([
      { utilityId: 1, name: 'U1', nameZh: 'U1', shareDone: [0, 0.5], loadStillDrawingMw: [5, 2.5] },
      { utilityId: 2, name: 'U2', nameZh: 'U2', shareDone: [1, 0.25], loadStillDrawingMw: [0, 9] },
    ]);
  });

  it('gives the unassigned row, last, the values of an empty row before it appears', () => {
    const series = progressSeries([[row(1, 0, 5)], [row(1, 0, 5), row(null, 0.5, 3)]]);
    expect(series.map((s) => s.utilityId)).toEqual([1, null]);
    expect(series[1]).toMatchObject({ shareDone: [1, 0.5], loadStillDrawingMw: [0, 3] });
  });

  it('is empty when there are no reports', () => {
    expect(progressSeries([])).toEqual([]);
  });
});
