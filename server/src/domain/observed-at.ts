/**
 * When a status change was made in the field (offline work, docs/offline.md). The phone's clock is trusted within
 * bounds: not in the future beyond a small skew (a clock set ahead would reorder the history), and not older than
 * a crew can plausibly stay out of signal (a clock reset to 1970, or a queue replayed from an old device).
 */
export const OBSERVED_AT_MAX_SKEW_MS = 5 * 60 * 1000;
export const OBSERVED_AT_MAX_AGE_DAYS = 30;

/** An ISO 8601 instant with a date, a time and a zone (Z or ±hh:mm); seconds and fractions optional. */
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

export type ObservedAtCheck = { ok: true; instant: string } | { ok: false; message: string };

/** Checks `raw` against `now`; the instant is normalised to UTC (`toISOString`) as `at` is. */
export function checkObservedAt(raw: string, now: Date): ObservedAtCheck {
  if (!ISO_INSTANT.test(raw)) {
    return {
      ok: false,
      message: 'observedAt must be an ISO 8601 instant with its zone, e.g. 2026-12-03T08:15:00Z',
    };
  }
  const time = Date.parse(raw);
  if (Number.isNaN(time)) return { ok: false, message: `observedAt ${raw} is not a real instant` };
  if (time > now.getTime() + OBSERVED_AT_MAX_SKEW_MS) {
    return {
      ok: false,
      message: `observedAt ${raw} is in the future (the server's time is ${now.toISOString()})`,
    };
  }
  if (time < now.getTime() - OBSERVED_AT_MAX_AGE_DAYS * 86_400_000) {
    return {
      ok: false,
      message: `observedAt ${raw} is more than ${OBSERVED_AT_MAX_AGE_DAYS} days ago; enter the change anew`,
    };
  }
  return { ok: true, instant: new Date(time).toISOString() };
}
