/**
 * The frozen content of a report and its hash (docs/reports.md, "The frozen content"). A submitted report is
 * a legal statement: its content is stored as one canonical JSON text and its SHA-256, so that anyone can show
 * later that the stored text is what was submitted, and re-derive the hash with any RFC 8785 (JSON
 * Canonicalization Scheme) library: object keys sorted by UTF-16 code units, no whitespace, strings as JSON
 * writes them, numbers in ECMAScript's shortest round-trip form. MW values are rounded to 3 decimals before
 * (as everywhere, `roundTo3`), so the same figure always has the same text.
 */
import { createHash } from 'node:crypto';
import type { ReportContent, ReportFigures, ReportSiteLine, ReportChangeLine } from '@gridwatch/contract';
import { roundTo3 } from '../geo/haversine';

/** JSON values the canonical form accepts: no undefined, functions, Dates, Maps, NaN or Infinity. */
export type CanonicalValue =
  null | boolean | number | string | readonly CanonicalValue[] | { readonly [key: string]: CanonicalValue };

/**
 * RFC 8785 canonical JSON. Throws on what JSON cannot say exactly (a non-finite number, undefined, a class
 * instance), rather than writing `null` or `{}` into a frozen text.
 */
export function canonicalJson(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`canonical JSON has no ${value}`);
      return JSON.stringify(value); // ECMAScript Number::toString: shortest round trip; -0 is written 0
    case 'string':
      return JSON.stringify(value);
    case 'object': {
      if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
      const proto: unknown = Object.getPrototypeOf(value);
      if (proto !== Object.prototype && proto !== null) {
        throw new TypeError('canonical JSON takes plain objects only');
      }
      const entries = Object.entries(value as Record<string, unknown>);
      // Default sort compares UTF-16 code units, as RFC 8785 §3.2.3 orders keys.
      entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
    }
    default:
      throw new TypeError(`canonical JSON has no ${typeof value}`);
  }
}

/** SHA-256 of the text's UTF-8 bytes, in lowercase hex. */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** What a utility's report says, as edited in the draft (the figures and lists are pre-filled, may be changed). */
export interface ReportContentInput {
  utilityId: number;
  period: string;
  from: string;
  to: string;
  asOf: string;
  revision: number;
  figures: ReportFigures;
  sites: readonly ReportSiteLine[];
  changes: readonly ReportChangeLine[];
  narrative: string;
  attachments: readonly string[];
}

/**
 * The content to freeze, normalised so that the same report always gives the same text: MW to 3 decimals,
 * sites by id, changes by time then id, instants as `toISOString`, attachment hashes lowercase, sorted and
 * once each. The narrative is kept exactly as written.
 */
export function reportContent(input: ReportContentInput): ReportContent {
  const iso = (at: string) => new Date(Date.parse(at)).toISOString();
  return {
    format: 1,
    utilityId: input.utilityId,
    period: input.period,
    from: input.from,
    to: input.to,
    asOf: iso(input.asOf),
    revision: input.revision,
    figures: {
      found: input.figures.found,
      shutDown: input.figures.shutDown,
      licensedAfter: input.figures.licensedAfter,
      loadRemovedMw: roundTo3(input.figures.loadRemovedMw),
      loadStillDrawingMw: roundTo3(input.figures.loadStillDrawingMw),
    },
    sites: input.sites
      .map((s) => ({ siteId: s.siteId, status: s.status, standing: s.standing, loadMw: roundTo3(s.loadMw) }))
      .sort((a, b) => a.siteId - b.siteId),
    changes: input.changes
      .map((c) => ({
        id: c.id,
        siteId: c.siteId,
        from: c.from,
        to: c.to,
        at: iso(c.at),
        by: c.by,
        note: c.note,
      }))
      .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.id - b.id)),
    narrative: input.narrative,
    attachments: [...new Set(input.attachments.map((h) => h.toLowerCase()))].sort(),
  };
}

/** The frozen text of a report and its hash: what the store keeps at submission. */
export function freezeReport(input: ReportContentInput): {
  content: ReportContent;
  canonical: string;
  sha256: string;
} {
  const content = reportContent(input);
  const canonical = canonicalJson(content);
  return { content, canonical, sha256: sha256Hex(canonical) };
}
