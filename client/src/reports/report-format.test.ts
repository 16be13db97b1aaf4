import { describe, expect, it } from 'vitest';
import { formatInstant } from '../time/format-time';
import { periodLabel } from './report-format';

describe('report formats', () => {
  it("writes a report's instants in Beijing time, labelled, across the day line", () => {
    expect(formatInstant('2026-12-02T10:52:21.000Z')).toBe('2026-12-02 18:52 (UTC+8)');
    expect(formatInstant('2026-03-31T16:30:00.000Z')).toBe('2026-04-01 00:30 (UTC+8)');
    expect(formatInstant('not a time')).toBe('not a time');
  });

  it('names a period per language and the final report by its label', () => {
    expect(periodLabel('2026-03', 'en', 'Final')).toBe('2026-03');
    expect(periodLabel('2026-03', 'zh', '终期')).toBe('2026年3月');
    expect(periodLabel('final', 'en', 'Final report')).toBe('Final report');
  });
});
