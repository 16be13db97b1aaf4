import { describe, expect, it } from 'vitest';
import { ApiError } from '../api';
import { en } from '../i18n/en';
import { zoneErrorMessage } from './zone-error';

const refusal = (status: number, code: string, message: string) =>
  new ApiError(status, { code, message, details: [] });

describe('zoneErrorMessage', () => {
  it('explains the conflicts in our words: reloaded, or close the zone instead', () => {
    expect(zoneErrorMessage(refusal(409, 'VERSION_CONFLICT', 'Zone 3 was changed'), en.zones)).toBe(
      en.zones.conflict,
    );
    expect(zoneErrorMessage(refusal(409, 'ZONE_IN_USE', 'has 2 changes'), en.zones)).toBe(en.zones.inUse);
  });

  it("passes on the API's sentence for an invalid polygon", () => {
    const message = 'geometry: invalid polygon: Self-intersection at or near (87.5, 43.5)';
    expect(zoneErrorMessage(refusal(422, 'INVALID_GEOMETRY', message), en.zones)).toBe(message);
  });
});
