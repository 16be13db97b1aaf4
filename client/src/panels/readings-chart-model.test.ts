import { describe, expect, it } from 'vitest';
import type { Readings } from '../api';
import {
  bandPath,
  chartPoints,
  dayPosition,
  explainedOf,
  linePath,
  pointOfDay,
  unexplainedOf,
  xTicks,
  yTicks,
} from './readings-chart-model';

const byDay: Readings = {
  substationId: 3,
  from: '2026-03-01',
  to: '2026-03-04',
  resolution: 'day',
  baseLoadMw: 20,
  points: [
    { at: '2026-03-01', mw: 25, peakMw: 30 },
    { at: '2026-03-02', mw: 26, peakMw: 31 },
    // 3 March not read
    { at: '2026-03-04', mw: 40, peakMw: 45 },
  ],
  explained: [
    { day: '2026-03-01', licensedMw: 5, knownIllegalMw: 0 },
    { day: '2026-03-02', licensedMw: 5, knownIllegalMw: 2 },
    { day: '2026-03-03', licensedMw: 5, knownIllegalMw: 2 },
    { day: '2026-03-04', licensedMw: 5, knownIllegalMw: 0 },
  ],
};

describe('the readings chart’s figures', () => {
  it('are every day of the range, the day’s peak over the explained parts, a day not read a gap', () => {
    const points = chartPoints(byDay);
    expect(points.map((p) => [p.day, p.meteredMw, explainedOf(p), unexplainedOf(p)])).toEqual([
      ['2026-03-01', 30, 25, 5],
      ['2026-03-02', 31, 27, 4],
      ['2026-03-03', null, 27, null],
      ['2026-03-04', 45, 25, 20],
    ]);
    expect(points.map((p) => p.t)).toEqual([0.125, 0.375, 0.625, 0.875]);
    // The line breaks at the gap: two runs.
    const line = linePath(
      points,
      (p) => p.meteredMw,
      (t) => t * 100,
      (v) => v,
    );
    expect(line.match(/M/g)).toHaveLength(2);
    const band = bandPath(
      points,
      (p) => p.meteredMw,
      explainedOf,
      (t) => t * 100,
      (v) => v,
    );
    expect(band.match(/Z/g)).toHaveLength(2);
  });

  it('at an hour’s resolution, place each reading in its Beijing day and hour', () => {
    const hourly: Readings = {
      ...byDay,
      to: '2026-03-01',
      resolution: 'hour',
      points: [
        { at: '2026-02-28T16:00:00.000Z', mw: 10, peakMw: 10 },
        { at: '2026-03-01T11:00:00.000Z', mw: 33, peakMw: 33 },
      ],
    };
    const points = chartPoints(hourly);
    expect(points).toHaveLength(24);
    expect(points[0]).toMatchObject({ day: '2026-03-01', meteredMw: 10, licensedMw: 5 });
    expect(points[19]).toMatchObject({ at: '2026-03-01T11:00:00.000Z', meteredMw: 33 });
    expect(pointOfDay(points, '2026-03-01')?.meteredMw).toBe(33);
  });

  it('put the as-of day and the step at their day’s middle, none outside the range', () => {
    expect(dayPosition(byDay, '2026-03-02')).toBe(0.375);
    expect(dayPosition(byDay, '2026-02-28')).toBeNull();
    expect(dayPosition(byDay, '2026-03-05')).toBeNull();
  });

  it('round the y axis up to 1, 2 or 5 steps, and label months over a year', () => {
    expect(yTicks(93).ticks).toEqual([0, 50, 100]);
    expect(yTicks(7.2).ticks).toEqual([0, 2, 4, 6, 8]);
    expect(yTicks(0)).toEqual({ top: 1, ticks: [0, 1] });
    const year = xTicks({ from: '2026-01-01', to: '2026-12-31' });
    expect(year.map((t) => t.day.slice(5))).toEqual([
      '01-01',
      '02-01',
      '03-01',
      '04-01',
      '05-01',
      '06-01',
      '07-01',
      '08-01',
      '09-01',
      '10-01',
      '11-01',
      '12-01',
    ]);
    expect(xTicks({ from: '2026-03-01', to: '2026-03-12' }).map((t) => t.day)).toEqual([
      '2026-03-01',
      '2026-03-03',
      '2026-03-05',
      '2026-03-07',
      '2026-03-09',
      '2026-03-11',
    ]);
  });
});
