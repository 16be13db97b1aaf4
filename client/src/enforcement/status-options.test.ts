import { describe, expect, it } from 'vitest';
import { nextStatuses, statusChangeBody } from './status-options';

describe('nextStatuses', () => {
  it('offers only the transitions DOMAIN.md allows', () => {
    expect(nextStatuses('SUSPECTED')).toEqual(['LICENSED', 'NO_CONTRACT', 'UNLICENSED', 'NOT_FOUND']);
    expect(nextStatuses('SHUTDOWN_ORDERED')).toEqual(['SHUT_DOWN']);
    expect(nextStatuses('UNLICENSED')).not.toContain('SHUT_DOWN');
    expect(nextStatuses('LICENSED')).not.toContain('LICENSED');
  });
});

describe('statusChangeBody', () => {
  it('is null until a status is chosen and the note is more than blanks', () => {
    expect(statusChangeBody({ status: '', note: 'seen', zoneId: null }, 3)).toBeNull();
    expect(statusChangeBody({ status: 'SHUT_DOWN', note: '  \n ', zoneId: null }, 3)).toBeNull();
  });

  it('sends the trimmed note and the version read, and the zone only when one is chosen', () => {
    expect(statusChangeBody({ status: 'SHUT_DOWN', note: ' power cut ', zoneId: null }, 3)).toEqual({
      status: 'SHUT_DOWN',
      note: 'power cut',
      version: 3,
    });
    expect(statusChangeBody({ status: 'SHUT_DOWN', note: 'cut', zoneId: 7 }, 3)).toEqual({
      status: 'SHUT_DOWN',
      note: 'cut',
      version: 3,
      zoneId: 7,
    });
  });
});
