import { describe, expect, it } from 'vitest';
import { retirementBody } from './retire-site';

describe('retirementBody', () => {
  it('names the version shown and the reason, trimmed', () => {
    expect(retirementBody('  Duplicate of M-1 \n', 4)).toEqual({ version: 4, reason: 'Duplicate of M-1' });
  });

  it('is null while the reason is blank', () => {
    expect(retirementBody('', 4)).toBeNull();
    expect(retirementBody(' \t\n', 4)).toBeNull();
  });
});
