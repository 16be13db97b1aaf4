import { describe, expect, it } from 'vitest';
import type { ReportingPeriod } from '@gridwatch/contract';
import { addDays, checkSchedule, DEFAULT_SCHEDULE, parsePeriod, periodsOf } from './periods';

describe('periodsOf', () => {
  it('gives the campaign’s eight months, each due at the end of the 5th Beijing day after it, then final', () => {
    const periods = periodsOf(DEFAULT_SCHEDULE);
    expect(periods.map((p) => p.period)).toEqual([
      '2026-01',
      '2026-02',
      '2026-03',
      '2026-04',
      '2026-05',
      '2026-06',
      '2026-07',
      '2026-08',
      'final',
    ]);
    expect(periods[0]).toEqual({
      period: '2026-01',
      from: '2026-01-01',
      to: '2026-01-31',
      opensAt: '2026-01-31T16:00:00.000Z', // the end of 31 January in Beijing
      dueAt: '2026-02-05T16:00:00.000Z', // the end of 5 February in Beijing
    });
    expect(periods[1]).toMatchObject({
      from: '2026-02-01',
      to: '2026-02-28',
      dueAt: '2026-03-05T16:00:00.000Z',
    });
    expect(periods[7]).toMatchObject({
      from: '2026-08-01',
      to: '2026-08-31',
      dueAt: '2026-09-05T16:00:00.000Z',
    });
    expect(periods[8]).toEqual({
      period: 'final',
      from: '2026-01-01',
      to: '2026-08-31',
      opensAt: '2026-07-31T16:00:00.000Z', // the start of 1 August in Beijing
      dueAt: '2026-08-31T16:00:00.000Z', // the deadline's end, as docs/progress.md counts it
    });
  });

  it('cuts the first and last months at the start and deadline, and dues them from the cut', () => {
    const periods = periodsOf({ start: '2026-01-15', deadline: '2026-03-10', graceDays: 0 });
    expect(periods.map(({ period, from, to, dueAt }) => [period, from, to, dueAt])).toEqual([
      ['2026-01', '2026-01-15', '2026-01-31', '2026-01-31T16:00:00.000Z'],
      ['2026-02', '2026-02-01', '2026-02-28', '2026-02-28T16:00:00.000Z'],
      ['2026-03', '2026-03-01', '2026-03-10', '2026-03-10T16:00:00.000Z'],
      ['final', '2026-01-15', '2026-03-10', '2026-03-10T16:00:00.000Z'],
    ]);
    expect(periods[3]?.opensAt).toBe('2026-02-28T16:00:00.000Z'); // the start of 1 March in Beijing
  });

  it('runs grace days across a year and a leap day', () => {
    const periods = periodsOf({ start: '2027-12-01', deadline: '2028-02-29', graceDays: 31 });
    expect(periods.map((p) => [p.period, p.to, p.dueAt])).toEqual([
      ['2027-12', '2027-12-31', '2028-01-31T16:00:00.000Z'],
      ['2028-01', '2028-01-31', '2028-03-02T16:00:00.000Z'],
      ['2028-02', '2028-02-29', '2028-03-31T16:00:00.000Z'],
      ['final', '2028-02-29', '2028-02-29T16:00:00.000Z'],
    ]);
  });

  it('adds days on the calendar', () => {
    expect(addDays('2026-01-31', 5)).toBe('2026-02-05');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });
});

describe('parsePeriod', () => {
  it.each(['2026-01', '2026-08', 'final'])('accepts %s', (text) => {
    const parsed = parsePeriod(text, DEFAULT_SCHEDULE);
    expect(parsed.ok && parsed.value.period).toBe(text);
  });

  it.each([
    ['2026-13', '2026-13 is not a month'],
    ['2026-00', '2026-00 is not a month'],
    ['2025-12', '2025-12 is outside the campaign (2026-01-01 to 2026-08-31)'],
    ['2026-09', '2026-09 is outside the campaign (2026-01-01 to 2026-08-31)'],
    ['2026-1', '"2026-1" is not a period YYYY-MM or final'],
    ['2026-01-01', '"2026-01-01" is not a period YYYY-MM or final'],
    ['FINAL', '"FINAL" is not a period YYYY-MM or final'],
    ['', '"" is not a period YYYY-MM or final'],
  ])('refuses %s', (text, reason) => {
    expect(parsePeriod(text, DEFAULT_SCHEDULE)).toEqual({ ok: false, reason });
  });
});

describe('checkSchedule', () => {
  const reported = (names: string[]): ReportingPeriod[] =>
    periodsOf(DEFAULT_SCHEDULE).filter((p) => names.includes(p.period));

  it('accepts the authority’s schedule and a grace of 0 or 31 days', () => {
    expect(checkSchedule(DEFAULT_SCHEDULE)).toEqual({ ok: true, value: DEFAULT_SCHEDULE });
    expect(checkSchedule({ ...DEFAULT_SCHEDULE, graceDays: 0 }).ok).toBe(true);
    expect(checkSchedule({ ...DEFAULT_SCHEDULE, graceDays: 31 }).ok).toBe(true);
  });

  it.each([
    [{ start: '2026-02-30', deadline: '2026-08-31', graceDays: 5 }, '/start', 'not a calendar date'],
    [{ start: '2026-01-01', deadline: '2026-8-31', graceDays: 5 }, '/deadline', 'not a date YYYY-MM-DD'],
    [{ start: '2026-08-31', deadline: '2026-08-31', graceDays: 5 }, '/deadline', 'must be after the start'],
    [{ start: '2026-09-01', deadline: '2026-08-31', graceDays: 5 }, '/deadline', 'must be after the start'],
    [{ start: '2026-01-01', deadline: '2028-01-01', graceDays: 5 }, '/deadline', 'at most 24 months'],
    [{ start: '2026-01-01', deadline: '2026-08-31', graceDays: 32 }, '/graceDays', 'from 0 to 31'],
    [{ start: '2026-01-01', deadline: '2026-08-31', graceDays: -1 }, '/graceDays', 'from 0 to 31'],
    [{ start: '2026-01-01', deadline: '2026-08-31', graceDays: 2.5 }, '/graceDays', 'from 0 to 31'],
  ])('refuses %j at %s', (schedule, path, message) => {
    const check = checkSchedule(schedule);
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.errors).toEqual([{ path, message: expect.stringContaining(message) }]);
  });

  it('lets the deadline move when no reported period changes its days, and due dates move freely', () => {
    const months = ['2026-01', '2026-02', '2026-08'];
    expect(checkSchedule({ ...DEFAULT_SCHEDULE, deadline: '2026-09-30' }, reported(months)).ok).toBe(true);
    expect(checkSchedule({ ...DEFAULT_SCHEDULE, graceDays: 10 }, reported([...months, 'final'])).ok).toBe(
      true,
    );
  });

  it('refuses a change that alters or drops the days of a period that has a report', () => {
    const later = checkSchedule({ ...DEFAULT_SCHEDULE, deadline: '2026-09-30' }, reported(['final']));
    expect(later).toEqual({
      ok: false,
      errors: [
        {
          path: '/deadline',
          message:
            'period final has a report for 2026-01-01 to 2026-08-31; the new schedule would make it 2026-01-01 to 2026-09-30',
        },
      ],
    });
    const shorter = checkSchedule({ ...DEFAULT_SCHEDULE, deadline: '2026-08-15' }, reported(['2026-08']));
    expect(!shorter.ok && shorter.errors.map((e) => e.path)).toEqual(['/deadline']);
    const moved = checkSchedule(
      { ...DEFAULT_SCHEDULE, start: '2026-02-01' },
      reported(['2026-01', '2026-02']),
    );
    expect(!moved.ok && moved.errors).toEqual([
      {
        path: '/start',
        message:
          'period 2026-01 has a report for 2026-01-01 to 2026-01-31; the new schedule would make it nothing',
      },
    ]);
  });
});
