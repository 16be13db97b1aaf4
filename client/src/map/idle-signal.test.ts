import { describe, expect, it } from 'vitest';
import { createIdleSignal } from './idle-signal';

describe('createIdleSignal', () => {
  it('resolves at once when idle, and otherwise when it next becomes idle', async () => {
    const signal = createIdleSignal();
    let done = false;
    const waiting = signal.next().then(() => (done = true));
    signal.set(false);
    await Promise.resolve();
    expect(done).toBe(false);
    signal.set(true);
    await waiting;
    expect(done).toBe(true);
    await expect(signal.next()).resolves.toBeUndefined();
  });
});
