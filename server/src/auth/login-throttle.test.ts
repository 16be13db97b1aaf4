import { describe, expect, it } from 'vitest';
import { LoginThrottle } from './login-throttle';

describe('LoginThrottle', () => {
  it('refuses after the limit within the window, and allows again after it', () => {
    let now = 1_000_000;
    const throttle = new LoginThrottle({ maxFailures: 3, windowMs: 60_000, now: () => now });
    const keys = ['user:alice', 'ip:127.0.0.1'];
    for (let i = 0; i < 3; i++) {
      expect(throttle.retryAfterMs(keys)).toBe(0);
      throttle.recordFailure(keys);
      now += 1000;
    }
    expect(throttle.retryAfterMs(keys)).toBe(57_000);
    expect(throttle.retryAfterMs(['user:bob', 'ip:127.0.0.1'])).toBeGreaterThan(0); // same address
    now += 57_001;
    expect(throttle.retryAfterMs(keys)).toBe(0);
  });

  it('forgets the failures of a key after a success', () => {
    const throttle = new LoginThrottle({ maxFailures: 2, windowMs: 60_000 });
    throttle.recordFailure(['user:alice']);
    throttle.recordSuccess(['user:alice']);
    throttle.recordFailure(['user:alice']);
    expect(throttle.retryAfterMs(['user:alice'])).toBe(0);
  });
});
