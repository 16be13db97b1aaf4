import { describe, expect, it } from 'vitest';
import { ADDRESS_RULE, FORGET_AFTER_MS, PAIR_RULE, waitMs } from './login-backoff';

const at = (ms: number) => new Date(ms).toISOString();
const T = Date.parse('2026-12-01T00:00:00Z');

describe('login back-off', () => {
  it('lets the first failures through, then doubles from one second', () => {
    expect(waitMs(PAIR_RULE, null, T)).toBe(0);
    expect(waitMs(PAIR_RULE, { failures: 4, lastFailureAt: at(T) }, T)).toBe(0);
    expect(waitMs(PAIR_RULE, { failures: 5, lastFailureAt: at(T) }, T)).toBe(1000);
    expect(waitMs(PAIR_RULE, { failures: 6, lastFailureAt: at(T) }, T)).toBe(2000);
    expect(waitMs(PAIR_RULE, { failures: 8, lastFailureAt: at(T) }, T + 3000)).toBe(5000);
  });

  it('never waits longer than the cap: 15 min for a pair, 60 s for an address', () => {
    expect(waitMs(PAIR_RULE, { failures: 1e9, lastFailureAt: at(T) }, T)).toBe(15 * 60_000);
    expect(waitMs(ADDRESS_RULE, { failures: 1e9, lastFailureAt: at(T) }, T)).toBe(60_000);
    expect(waitMs(ADDRESS_RULE, { failures: 19, lastFailureAt: at(T) }, T)).toBe(0);
  });

  it('forgets a counter an hour after its last failure', () => {
    expect(waitMs(PAIR_RULE, { failures: 50, lastFailureAt: at(T) }, T + FORGET_AFTER_MS)).toBe(0);
  });
});
