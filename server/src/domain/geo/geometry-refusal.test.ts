import { describe, expect, it } from 'vitest';
import { invalid, malformed, pointer, tooLarge } from './geometry-refusal';

describe('geometry refusals', () => {
  it('carry the status and code of API.md', () => {
    expect(tooLarge('r', '/coordinates')).toEqual({
      ok: false,
      status: 413,
      code: 'PAYLOAD_TOO_LARGE',
      reason: 'r',
      path: '/coordinates',
    });
    expect(malformed('r', '').status).toBe(400);
    expect(malformed('r', '').code).toBe('VALIDATION_FAILED');
    expect(invalid('r', '').status).toBe(422);
    expect(invalid('r', '').code).toBe('INVALID_GEOMETRY');
  });
});

describe('pointer', () => {
  it('joins segments into a JSON pointer', () => {
    expect(pointer('coordinates', 0, 3)).toBe('/coordinates/0/3');
    expect(pointer()).toBe('');
  });
  it('escapes ~ and / in keys (RFC 6901)', () => {
    expect(pointer('a/b', 'c~d')).toBe('/a~1b/c~0d');
  });
});
