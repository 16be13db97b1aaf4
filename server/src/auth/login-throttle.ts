/**
 * Failed logins per username and per client address in a sliding window: past the limit, logins are refused
 * with 429 until the window has passed, whether the password is right or not (so guessing gains nothing).
 * In memory: one server process. Behind several processes this would move to the database.
 */
export interface ThrottleOptions {
  maxFailures: number;
  windowMs: number;
  now?: () => number;
}

export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();
  private readonly now: () => number;

  constructor(private readonly options: ThrottleOptions) {
    this.now = options.now ?? Date.now;
  }

  /** Milliseconds until another attempt is allowed for any of the keys; 0 when allowed now. */
  retryAfterMs(keys: string[]): number {
    const since = this.now() - this.options.windowMs;
    let wait = 0;
    for (const key of keys) {
      const recent = (this.failures.get(key) ?? []).filter((t) => t > since);
      if (recent.length === 0) this.failures.delete(key);
      else this.failures.set(key, recent);
      if (recent.length >= this.options.maxFailures) wait = Math.max(wait, recent[0]! - since);
    }
    return wait;
  }

  recordFailure(keys: string[]): void {
    for (const key of keys) this.failures.set(key, [...(this.failures.get(key) ?? []), this.now()]);
  }

  recordSuccess(keys: string[]): void {
    for (const key of keys) this.failures.delete(key);
  }
}
