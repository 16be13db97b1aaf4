import { unsafeTextReason } from '@gridwatch/contract';
import { AppError, validationFailed } from './app-error';

/**
 * JSON bodies parsed strictly: JSON.parse silently keeps the last of duplicate keys, and `__proto__` or
 * `constructor` keys are a prototype-pollution vector; text with NUL or a lone surrogate is kept differently by
 * the two stores (contract/src/safe-text.ts). All are refused with the JSON Pointer of the offending place.
 * NaN and Infinity are not JSON, so JSON.parse already refuses them.
 *
 * One linear scan runs before JSON.parse and stops at the first problem. It caps nesting at MAX_JSON_DEPTH: the
 * deepest body any route takes (a FeatureCollection of MultiPolygons) nests 8 levels, so a deeper one is an
 * attack, refused before it can cost time or memory (docs/security.md). A frame per open level links to its
 * parent, so a pointer is built only when a problem is found.
 */
export type StrictJsonResult =
  { ok: true; value: unknown } | { ok: false; reason: string; path: string; tooLarge?: true };

export const MAX_JSON_DEPTH = 32;

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export function parseStrictJson(text: string): StrictJsonResult {
  const problem = scan(text);
  if (problem) return { ok: false, ...problem };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, reason: `the body is not valid JSON: ${(error as Error).message}`, path: '/' };
  }
}

type Problem = { reason: string; path: string; tooLarge?: true };
type Frame = { parent: Frame | null; keys: Set<string> | null; index: number; key: string | null };

/** The segment that names the current member of an open object or array. */
const segmentOf = (frame: Frame) => (frame.keys ? (frame.key ?? '') : String(frame.index));

/** The JSON Pointer of `last` inside `frame`: each frame is named by its parent's current key or index. */
function pointer(frame: Frame | null, last: string | null): string {
  const parts = last === null ? [] : [last];
  for (let f = frame; f?.parent; f = f.parent) parts.push(segmentOf(f.parent));
  return (
    '/' +
    parts
      .reverse()
      .map((p) => p.replace(/~/g, '~0').replace(/\//g, '~1'))
      .join('/')
  );
}

/** Index just past the string starting at text[start] === '"' (or text.length if it never closes). */
function skipString(text: string, start: number): number {
  let j = start + 1;
  while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
  return Math.min(j + 1, text.length);
}

/** A string token's text, or null when it is not valid (JSON.parse will say why). */
function decodeToken(token: string): string | null {
  if (!token.includes('\\')) return token.slice(1, -1);
  try {
    return JSON.parse(token) as string;
  } catch {
    return null;
  }
}

/** The first problem of the text, found in one pass over any text, valid JSON or not. */
function scan(text: string): Problem | null {
  let top = null as Frame | null;
  let depth = 0;
  let expectKey = false;
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === '"') {
      const end = skipString(text, i);
      const value = decodeToken(text.slice(i, end));
      if (value === null) return null;
      if (expectKey && top?.keys) {
        const path = pointer(top, value);
        if (FORBIDDEN_KEYS.has(value)) return { reason: `the key "${value}" is not allowed`, path };
        if (top.keys.has(value)) return { reason: `the key "${value}" appears twice`, path };
        const unsafe = unsafeTextReason(value);
        if (unsafe) return { reason: `a key at ${pointer(top, null)} ${unsafe}`, path: pointer(top, null) };
        top.keys.add(value);
        top.key = value;
        expectKey = false;
      } else {
        const unsafe = unsafeTextReason(value);
        const path = top ? pointer(top, segmentOf(top)) : '/';
        if (unsafe) return { reason: `the text at ${path} ${unsafe}`, path };
      }
      i = end;
      continue;
    }
    if (ch === '{' || ch === '[') {
      depth += 1;
      if (depth > MAX_JSON_DEPTH) {
        const reason = `the body nests deeper than ${MAX_JSON_DEPTH} levels (MAX_JSON_DEPTH)`;
        return { reason, path: '/', tooLarge: true };
      }
      top = { parent: top, keys: ch === '{' ? new Set() : null, index: 0, key: null };
      expectKey = ch === '{';
    } else if (ch === '}' || ch === ']') {
      depth -= 1;
      // A close with nothing open is not JSON: stop, so that closes cannot buy room for deeper opens.
      if (depth < 0) return null;
      top = top?.parent ?? null;
    } else if (ch === ',') {
      if (top?.keys) expectKey = true;
      else if (top) top.index += 1;
    }
    i += 1;
  }
  return null;
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** A Fastify body parser (parseAs: 'buffer') that parses strictly: 400 naming the key, 413 naming the depth. */
export function strictJsonBodyParser(
  _request: unknown,
  body: string | Buffer,
  done: (error: Error | null, value?: unknown) => void,
): void {
  // Decoded strictly: String(buffer) would silently turn invalid UTF-8 into U+FFFD, which the stores then keep.
  let text: string;
  try {
    text = typeof body === 'string' ? body : UTF8.decode(body);
  } catch {
    const reason = 'the body is not valid UTF-8';
    return done(validationFailed(reason, [{ in: 'body', path: '/', message: reason }]));
  }
  const parsed = parseStrictJson(text);
  if (parsed.ok) return done(null, parsed.value);
  const details = [{ in: 'body', path: parsed.path, message: parsed.reason }];
  // Too deep is too large: the same 413 as a body over the size limit or a shape over its vertex cap.
  done(
    parsed.tooLarge
      ? new AppError(413, 'PAYLOAD_TOO_LARGE', parsed.reason, details)
      : validationFailed(parsed.reason, details),
  );
}
