import { describe, expect, it } from 'vitest';
import { addDays, clampDay, daysBetween, nextPlayDay, playStart } from './as-of-days';

describe('as-of days', () => {
  it('steps over month ends and leap days', () => {
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(daysBetween('2026-01-01', '2026-08-31')).toBe(242);
    expect(daysBetween('2026-08-31', '2026-01-01')).toBe(-242);
  });

  it('clamps into the campaign', () => {
    expect(clampDay('2025-12-01', '2026-01-01', '2026-11-25')).toBe('2026-01-01');
    expect(clampDay('2027-01-01', '2026-01-01', '2026-11-25')).toBe('2026-11-25');
    expect(clampDay('2026-05-05', '2026-01-01', '2026-11-25')).toBe('2026-05-05');
  });

  it('plays a week a step, ending exactly on the last day, then stops', () => {
    const days: string[] = [];
    let day: string | null = playStart(null, '2026-01-01', '2026-01-20');
    while (day !== null) {
      days.push(day);
      day = nextPlayDay(day, '2026-01-01', '2026-01-20', 7);
    }
    expect(days).toEqual(['2026-01-01', '2026-01-08', '2026-01-15', '2026-01-20']);
    expect(playStart('2026-01-20', '2026-01-01', '2026-01-20')).toBe('2026-01-01');
    expect(playStart('2026-01-10', '2026-01-01', '2026-01-20')).toBe('2026-01-10');
  });
});
