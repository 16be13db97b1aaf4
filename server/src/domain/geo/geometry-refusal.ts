import type { Parsed } from './bbox';

/**
 * Why an untrusted geometry was refused, in the shape of a failed `Parsed<T>` plus what the HTTP error needs
 * (API.md, "Errors"): 413 for a size cap, 400 for a malformed request, 422 for a geometry that is understood but
 * invalid. `path` is a JSON pointer into the geometry, e.g. `/coordinates/0/3`.
 */
export type GeometryRefusal = Extract<Parsed<never>, { ok: false }> & {
  status: 400 | 413 | 422;
  code: 'PAYLOAD_TOO_LARGE' | 'INVALID_GEOMETRY' | 'VALIDATION_FAILED';
  path: string;
};

export function tooLarge(reason: string, path: string): GeometryRefusal {
  return { ok: false, status: 413, code: 'PAYLOAD_TOO_LARGE', reason, path };
}

export function malformed(reason: string, path: string): GeometryRefusal {
  return { ok: false, status: 400, code: 'VALIDATION_FAILED', reason, path };
}

export function invalid(reason: string, path: string): GeometryRefusal {
  return { ok: false, status: 422, code: 'INVALID_GEOMETRY', reason, path };
}

/** A JSON pointer (RFC 6901) from its segments; `~` and `/` in keys are escaped as the RFC requires. */
export function pointer(...segments: readonly (string | number)[]): string {
  return segments.map((s) => `/${String(s).replaceAll('~', '~0').replaceAll('/', '~1')}`).join('');
}
