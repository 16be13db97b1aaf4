import type { SiteRetirementBody } from '../api';

/** The body that retires a site at the version shown, or null while the reason is blank (the server refuses it). */
export function retirementBody(reason: string, version: number): SiteRetirementBody | null {
  const trimmed = reason.trim();
  return trimmed ? { version, reason: trimmed } : null;
}
