import { validationFailed } from './app-error';

/**
 * JSON bodies parsed strictly: JSON.parse silently keeps the last of duplicate keys, and `__proto__` or
 * `constructor` keys are a prototype-pollution vector. Both are refused with the path of the offending key.
 * NaN and Infinity are not JSON, so JSON.parse already refuses them.
 */
export type StrictJsonResult = { ok: true; value: unknown } | { ok: false; reason: string; path: string };

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export function parseStrictJson(text: string): StrictJsonResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, reason: `the body is not valid JSON: ${(error as Error).message}`, path: '/' };
  }
  const problem = findKeyProblem(text);
  return problem ? { ok: false, ...problem } : { ok: true, value };
}

/**
 * Scans the (already valid) JSON text once, tracking the keys of each open object, and reports the first
 * duplicate or forbidden key with its JSON Pointer.
 */
function findKeyProblem(text: string): { reason: string; path: string } | null {
  type Frame = { keys: Set<string> | null; path: string[]; index: number; key: string | null };
  const stack: Frame[] = [];
  const pointer = (frame: Frame, last: string) =>
    '/' + [...frame.path, last].map((p) => p.replace(/~/g, '~0').replace(/\//g, '~1')).join('/');
  let i = 0;
  let expectKey = false;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === '"') {
      let j = i + 1;
      while (text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      const frame = stack[stack.length - 1];
      if (expectKey && frame?.keys) {
        const key = JSON.parse(text.slice(i, j + 1)) as string;
        if (FORBIDDEN_KEYS.has(key))
          return { reason: `the key "${key}" is not allowed`, path: pointer(frame, key) };
        if (frame.keys.has(key))
          return { reason: `the key "${key}" appears twice`, path: pointer(frame, key) };
        frame.keys.add(key);
        frame.key = key;
        expectKey = false;
      }
      i = j + 1;
      continue;
    }
    if (ch === '{' || ch === '[') {
      const parent = stack[stack.length - 1];
      const segment = parent ? (parent.keys ? (parent.key ?? '') : String(parent.index)) : null;
      const path = parent && segment !== null ? [...parent.path, segment] : [];
      stack.push({ keys: ch === '{' ? new Set() : null, path, index: 0, key: null });
      expectKey = ch === '{';
    } else if (ch === '}' || ch === ']') {
      stack.pop();
    } else if (ch === ',') {
      const frame = stack[stack.length - 1];
      if (frame?.keys) expectKey = true;
      else if (frame) frame.index += 1;
    }
    i += 1;
  }
  return null;
}

/** A Fastify body parser (parseAs: 'string') that parses strictly and refuses with a 400 naming the key. */
export function strictJsonBodyParser(
  _request: unknown,
  body: string | Buffer,
  done: (error: Error | null, value?: unknown) => void,
): void {
  const parsed = parseStrictJson(String(body));
  if (parsed.ok) done(null, parsed.value);
  else done(validationFailed(parsed.reason, [{ in: 'body', path: parsed.path, message: parsed.reason }]));
}
