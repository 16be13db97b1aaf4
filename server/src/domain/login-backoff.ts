/**
 * How long a login attempt must wait after failures (docs/security.md, "Logins"). Two counters, neither of
 * which can become a lockout:
 * - per (username, address): 5 free failures, then 1 s, 2 s, 4 s … doubling, capped at 15 min. A guesser at one
 *   address is slowed to a few tries an hour, while the same user from an address with no failures logs in at
 *   once (so a stranger cannot lock the admin out), and other users behind the guesser's address are untouched;
 * - per address, across usernames (password spraying): 20 free failures, then doubling from 1 s, capped at 60 s,
 *   so a whole office behind one NAT address waits at most a minute, never a quarter of an hour.
 * A counter is forgotten an hour after its last failure, and a successful login clears its pair's counter.
 */
export interface FailureCount {
  failures: number;
  /** ISO 8601 time of the last failure. */
  lastFailureAt: string;
}

export interface BackoffRule {
  freeFailures: number;
  maxWaitMs: number;
}

export const PAIR_RULE: BackoffRule = { freeFailures: 5, maxWaitMs: 15 * 60_000 };
export const ADDRESS_RULE: BackoffRule = { freeFailures: 20, maxWaitMs: 60_000 };
/** A counter with no failure for this long starts again from zero (and its row may be pruned). */
export const FORGET_AFTER_MS = 60 * 60_000;

/** Milliseconds to wait after `count` under `rule`, from its last failure; 0 when an attempt is allowed now. */
export function waitMs(rule: BackoffRule, count: FailureCount | null, nowMs: number): number {
  if (!count) return 0;
  const last = Date.parse(count.lastFailureAt);
  if (nowMs - last >= FORGET_AFTER_MS) return 0;
  const over = count.failures - rule.freeFailures;
  if (over < 0) return 0;
  // 2^over seconds, computed without overflow: past 2^20 s every cap here is reached anyway.
  const backoff = Math.min(rule.maxWaitMs, 1000 * 2 ** Math.min(over, 20));
  return Math.max(0, last + backoff - nowMs);
}
