import { describe, expect, it } from 'vitest';
import { hashPassword, randomPassword, verifyPassword } from './password';

describe('password hashes', () => {
  it('verify the right password and refuse a wrong one', async () => {
    const stored = await hashPassword('correct horse 电池');
    expect(stored).toMatch(/^scrypt\$16384\$8\$1\$[\w-]+\$[\w-]+$/);
    expect(await verifyPassword('correct horse 电池', stored)).toBe(true);
    expect(await verifyPassword('correct horse', stored)).toBe(false);
  });

  it('salt each hash', async () => {
    expect(await hashPassword('same')).not.toBe(await hashPassword('same'));
  });

  it('refuse a malformed stored hash', async () => {
    expect(await verifyPassword('x', 'plain-text')).toBe(false);
    expect(await verifyPassword('x', 'scrypt$16384$8$1$$')).toBe(false);
  });

  it('make random passwords long enough', () => {
    expect(randomPassword().length).toBeGreaterThanOrEqual(24);
  });
});
