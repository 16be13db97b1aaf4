/**
 * The radius of the unlicensed-load analysis, as the user types it. The API's own limits (server/src/api/
 * queries.ts: more than 0, at most MAX_RADIUS_KM, default 10) are repeated here as plain numbers so that the
 * bundle does not pull in the server's schema library for two constants; radius.test.ts checks they agree.
 */
export const DEFAULT_RADIUS_KM = 10;
export const MAX_RADIUS_KM = 500;

export type RadiusCheck =
  { ok: true; km: number } | { ok: false; reason: 'empty' | 'notNumber' | 'outOfRange' };

export function parseRadius(text: string): RadiusCheck {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, reason: 'empty' };
  const km = Number(trimmed);
  if (!Number.isFinite(km)) return { ok: false, reason: 'notNumber' };
  if (km <= 0 || km > MAX_RADIUS_KM) return { ok: false, reason: 'outOfRange' };
  return { ok: true, km };
}
