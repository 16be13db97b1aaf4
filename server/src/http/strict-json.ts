import { unsafeTextReason } from '@gridwatch/contract';
import { AppError, validationFailed } from './app-error';

/**
 * JSON bodies parsed strictly: JSON.parse silently keeps the last of duplicate keys, and `__proto__` or
 * `constructor` keys are a prototype-pollution vector. Both are refused with the path of the offending key.
 * NaN and Infinity are not JSON, so JSON.parse already refuses them.
 *
 * Nesting is capped at MAX_JSON_DEPTH before JSON.parse runs, in one linear pass that allocates nothing per
 * level beyond a small frame: the deepest body any route takes (a FeatureCollection of MultiPolygons) nests 8
 * levels, so a deeper one is an attack, refused before it can cost time or memory (docs/security.md).
 */
export type StrictJsonResult =
  { ok: true; value: unknown } | { ok: false; reason: string; path: string; tooLarge?: true };

export const MAX_JSON_DEPTH = 32;

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export function parseStrictJson(text: string): StrictJsonResult {
  const tooDeep = findDepthProblem(text);
  if (tooDeep) return { ok: false, ...tooDeep, tooLarge: true };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, reason: `the body is not valid JSON: ${(error as Error).message}`, path: '/' };
  }
  const problem = findKeyProblem(text) ?? findUnsafeText(value, []);
  return problem ? { ok: false, ...problem } : { ok: true, value };
}

/** The first key or string that neither store can keep as sent (NUL, a lone surrogate), with its pointer. */
function findUnsafeText(value: unknown, at: string[]): { reason: string; path: string } | null {
  const here = () => '/' + at.map((p) => p.replace(/~/g, '~0').replace(/\//g, '~1')).join('/');
  if (typeof value === 'string') {
    const reason = unsafeTextReason(value);
    return reason ? { reason: `the text at ${here()} ${reason}`, path: here() } : null;
  }
  if (typeof value !== 'object' || value === null) return null;
  // Depth is capped at MAX_JSON_DEPTH before this runs, so the recursion is bounded.
  for (const [key, item] of Array.isArray(value) ? value.entries() : Object.entries(value)) {
    const keyReason = typeof key === 'string' ? unsafeTextReason(key) : null;
    if (keyReason) return { reason: `a key at ${here()} ${keyReason}`, path: here() };
    const found = findUnsafeText(item, [...at, String(key)]);
    if (found) return found;
  }
  return null;
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** Index just past the string starting at text[start] === '"' (or text.length if it never closes). */
function skipString(text: string, start: number): number {
  let j = start + 1;
  while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
  return Math.min(j + 1, text.length);
}

/** Refuses text nesting deeper than MAX_JSON_DEPTH; runs on any text, valid JSON or not, and stops early. */
function findDepthProblem(text: string): { reason: string; path: string } | null {
  let depth = 0;
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === '"') {
      i = skipString(text, i);
      continue;
    }
    if (ch === '{' || ch === '[') {
      depth += 1;
      if (depth > MAX_JSON_DEPTH) {
        return { reason: `the body nests deeper than ${MAX_JSON_DEPTH} levels (MAX_JSON_DEPTH)`, path: '/' };
      }
    } else if (ch === '}' || ch === ']') {
      depth -= 1;
    }
    i += 1;
  }
  return null;
}

/**
 * Scans the (already valid, depth-capped) JSON text once, tracking the keys of each open object, and reports
 * the first duplicate or forbidden key with its JSON Pointer. A frame links to its parent, so the pointer is
 * built only when a problem is found: linear in the text, whatever its shape.
 */
function findKeyProblem(text: string): { reason: string; path: string } | null {
  type Frame = { parent: Frame | null; keys: Set<string> | null; index: number; key: string | null };
  const segmentOf = (frame: Frame) => (frame.keys ? (frame.key ?? '') : String(frame.index));
  const pointer = (frame: Frame, last: string) => {
    const parts = [last];
    // The root frame has no segment of its own; each other frame is named by its parent's current key/index.
    for (let f: Frame | null = frame; f?.parent; f = f.parent) parts.push(segmentOf(f.parent));
    return (
      '/' +
      parts
        .reverse()
        .map((p) => p.replace(/~/g, '~0').replace(/\//g, '~1'))
        .join('/')
    );
  };
  let top = null as Frame | null;
  let i = 0;
  let expectKey = false;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === '"') {
      const end = skipString(text, i);
      if (expectKey && top?.keys) {
        const key = JSON.parse(text.slice(i, end)) as string;
        if (FORBIDDEN_KEYS.has(key))
          return { reason: `the key "${key}" is not allowed`, path: pointer(top, key) };
        if (top.keys.has(key)) return { reason: `the key "${key}" appears twice`, path: pointer(top, key) };
        top.keys.add(key);
        top.key = key;
        expectKey = false;
      }
      i = end;
      continue;
    }
    if (ch === '{' || ch === '[') {
      top = { parent: top, keys: ch === '{' ? new Set() : null, index: 0, key: null };
      expectKey = ch === '{';
    } else if (ch === '}' || ch === ']') {
      top = top?.parent ?? null;
    } else if (ch === ',') {
      if (top?.keys) expectKey = true;
      else if (top) top.index += 1;
    }
    i += 1;
  }
  return null;
}

/** A Fastify body parser (parseAs: 'string') that parses strictly: 400 naming the key, 413 naming the depth. */
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
