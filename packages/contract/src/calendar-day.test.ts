import { describe, expect, it } from 'vitest';
import { CAMPAIGN } from './campaign';
import { endOfDayIso, endOfDayMs, parseCalendarDay, startOfDayMs, todayInBeijing } from './calendar-day';

describe('parseCalendarDay', () => {
  it.each(['2026-08-31', '2028-02-29', '2026-12-31', '2026-01-01'])('accepts %s', (day) => {
    expect(parseCalendarDay(day)).toEqual({ ok: true, value: day });
  });

  it.each([
    ['2026-02-30', 'not a calendar date'],
    ['2026-02-29', 'not a calendar date'],
    ['2026-04-31', 'not a calendar date'],
    ['2026-13-01', 'not a calendar date'],
    ['2026-00-10', 'not a calendar date'],
    ['2026-1-5', 'not a date YYYY-MM-DD'],
    ['2026-08-31T00:00', 'not a date YYYY-MM-DD'],
    ['', 'not a date YYYY-MM-DD'],
  ])('refuses %s', (day, reason) => {
    const parsed = parseCalendarDay(day);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.reason).toContain(reason);
  });
});

describe('days in Beijing time', () => {
  it('ends the deadline day at 16:00 UTC (midnight in Beijing)', () => {
    expect(endOfDayMs(CAMPAIGN.deadline)).toBe(Date.parse('2026-08-31T16:00:00Z'));
    expect(endOfDayIso('2026-08-31')).toBe('2026-08-31T16:00:00.000Z');
  });

  it('starts a day at 16:00 UTC of the day before', () => {
    expect(new Date(startOfDayMs('2026-01-01')).toISOString()).toBe('2025-12-31T16:00:00.000Z');
  });

  it('turns the date at 16:00 UTC', () => {
    expect(todayInBeijing(Date.parse('2026-08-31T15:59:59.999Z'))).toBe('2026-08-31');
    expect(todayInBeijing(Date.parse('2026-08-31T16:00:00.000Z'))).toBe('2026-09-01');
  });
});
