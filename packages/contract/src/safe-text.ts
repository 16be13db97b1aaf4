/**
 * Text both stores keep exactly as sent. PostgreSQL refuses the NUL character in text (and SQLite's LIKE stops
 * at it), and a lone UTF-16 surrogate is rewritten differently by the two drivers, so both are refused wherever
 * text comes in: JSON bodies, query strings, route params and imported cells (docs/security.md).
 */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why the text cannot be stored as it is, or null. */
export function unsafeTextReason(text: string): string | null {
  if (text.includes('\u0000')) return 'contains the NUL character (U+0000)';
  if (LONE_SURROGATE.test(text)) return 'contains a lone UTF-16 surrogate (not valid Unicode)';
  return null;
}
