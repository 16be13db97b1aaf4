import { describe, expect, it } from 'vitest';
import { checkStatusChange } from './status-change';

const site = { status: 'SUSPECTED' as const, version: 3 };

describe('checkStatusChange', () => {
  it('allows an allowed transition with a note at the current version', () => {
    expect(
      checkStatusChange(site, { status: 'UNLICENSED', note: 'no licence on site', version: 3 }),
    ).toBeNull();
  });

  it.each([undefined, '', '   \n'])('refuses the note %j with NOTE_REQUIRED', (note) => {
    expect(checkStatusChange(site, { status: 'UNLICENSED', note, version: 3 })?.code).toBe('NOTE_REQUIRED');
  });

  it('refuses a stale version with the current one', () => {
    expect(checkStatusChange(site, { status: 'UNLICENSED', note: 'x', version: 2 })).toMatchObject({
      code: 'VERSION_CONFLICT',
      details: [{ currentVersion: 3 }],
    });
  });

  it('refuses a forbidden transition, listing the allowed ones', () => {
    expect(checkStatusChange(site, { status: 'SHUT_DOWN', note: 'x', version: 3 })).toMatchObject({
      code: 'TRANSITION_NOT_ALLOWED',
      details: [
        {
          from: 'SUSPECTED',
          to: 'SHUT_DOWN',
          allowed: ['LICENSED', 'NO_CONTRACT', 'UNLICENSED', 'NOT_FOUND'],
        },
      ],
    });
  });

  it('refuses staying in the same status', () => {
    expect(checkStatusChange(site, { status: 'SUSPECTED', note: 'x', version: 3 })?.code).toBe(
      'TRANSITION_NOT_ALLOWED',
    );
  });
});
