import { describe, expect, it } from 'vitest';
import { checkObservedAt } from './observed-at';

const NOW = new Date('2026-12-03T08:00:00.000Z');

describe('checkObservedAt', () => {
  it('takes an instant with a zone and normalises it to UTC', () => {
    expect(checkObservedAt('2026-12-03T15:30:00+08:00', NOW)).toEqual({
      ok: true,
      instant: '2026-12-03T07:30:00.000Z',
    });
    expect(checkObservedAt('2026-12-02T08:00Z', NOW)).toEqual({
      ok: true,
      instant: '2026-12-02T08:00:00.000Z',
    });
  });

  it('allows a few minutes of clock skew, not more', () => {
    expect(checkObservedAt('2026-12-03T08:04:00Z', NOW).ok).toBe(true);
    const ahead = checkObservedAt('2026-12-03T08:06:00Z', NOW);
    expect(ahead).toMatchObject({ ok: false, message: expect.stringContaining('in the future') });
  });

  it('refuses an instant older than 30 days', () => {
    expect(checkObservedAt('2026-11-04T08:00:00Z', NOW).ok).toBe(true);
    expect(checkObservedAt('2026-11-02T08:00:00Z', NOW)).toMatchObject({
      ok: false,
      message: expect.stringContaining('30 days'),
    });
    expect(checkObservedAt('1970-01-01T00:00:00Z', NOW).ok).toBe(false);
  });

  it('refuses text that is not an instant with a zone', () => {
    for (const raw of ['yesterday', '2026-12-03', '2026-12-03T08:00:00', '2026-13-45T08:00:00Z', '']) {
      expect(checkObservedAt(raw, NOW).ok, raw).toBe(false);
    }
  });
});
