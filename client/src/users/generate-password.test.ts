import { describe, expect, it } from 'vitest';
import { generatePassword } from './generate-password';

describe('one-time passwords', () => {
  it('are 20 readable characters, different each time', () => {
    const a = generatePassword();
    expect(a).toMatch(/^[a-km-zA-HJ-NP-Z2-9]{20}$/);
    expect(generatePassword()).not.toBe(a);
  });
});
