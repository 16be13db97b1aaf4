import { describe, expect, it } from 'vitest';
import { beijingDayOf, formatCalendarDay, formatInstant } from './format-time';

describe('one way to write time', () => {
  it('writes an instant in Beijing time, labelled, in ISO order', () => {
    expect(formatInstant('2026-12-02T10:52:21.000Z')).toBe('2026-12-02 18:52 (UTC+8)');
    expect(formatInstant(Date.parse('2026-12-02T10:52:21.000Z'))).toBe('2026-12-02 18:52 (UTC+8)');
  });

  it('moves to the next day past 16:00 UTC, as the API counts days', () => {
    expect(formatInstant('2026-12-02T16:30:00.000Z')).toBe('2026-12-03 00:30 (UTC+8)');
    expect(beijingDayOf('2026-12-02T16:30:00.000Z')).toBe('2026-12-03');
    expect(beijingDayOf('2026-12-02T15:59:59.999Z')).toBe('2026-12-02');
  });

  it('writes a calendar day as itself', () => {
    expect(formatCalendarDay('2026-05-01')).toBe('2026-05-01');
    expect(formatCalendarDay('2026-05-01', 'short')).toBe('05-01');
  });

  it('leaves what is not a time as it is', () => {
    expect(formatInstant('soon')).toBe('soon');
  });
});
