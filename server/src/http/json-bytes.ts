/**
 * An answer's JSON as Fastify sends it: `JSON.stringify`'s text, or, for an answer that holds a long array, the
 * UTF-8 bytes of that same text encoded a slice of the array at a time.
 *
 * Why (docs/performance.md, "Fix 27"): on Node 20, a JSON text of more than 64 Ki characters that holds any
 * Chinese name is a two-byte string past V8's large-object threshold, and the first pass over it (Fastify's
 * Buffer.byteLength for Content-Length, then the write's own encoding) cost 0.6 ms for an unexplained-load answer
 * of 75 KB, two and a half times JSON.stringify itself. Slices of 64 elements stay small strings; their bytes,
 * put together, are the same bytes.
 */

/** Elements per slice: a slice of the largest answers' rows (~300 characters each) stays near 20 Ki characters. */
const SLICE = 64;

const isLongArray = (value: unknown): value is unknown[] =>
  Array.isArray(value) && value.length > SLICE && !hasToJson(value);

const hasToJson = (value: object): boolean => typeof (value as { toJSON?: unknown }).toJSON === 'function';

/** An object JSON.stringify writes key by key: made by `{…}` or JSON.parse, without toJSON. */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || hasToJson(value)) return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
}

/** The text `JSON.stringify(value)` writes, or its UTF-8 bytes when `value` is, or directly holds, a long array. */
export function jsonAnswer(value: unknown): string | Buffer {
  if (isLongArray(value)) return Buffer.concat(arrayParts(value));
  if (isPlainObject(value) && Object.values(value).some(isLongArray))
    return Buffer.concat(objectParts(value));
  return JSON.stringify(value);
}

/** `[`, each slice's elements (its text's bytes without the slice's brackets, one byte each), `,` between, `]`. */
function arrayParts(array: readonly unknown[]): Buffer[] {
  const parts: Buffer[] = [Buffer.from('[')];
  for (let start = 0; start < array.length; start += SLICE) {
    const slice = Buffer.from(JSON.stringify(array.slice(start, start + SLICE)));
    if (start > 0) parts.push(Buffer.from(','));
    parts.push(slice.subarray(1, slice.length - 1));
  }
  parts.push(Buffer.from(']'));
  return parts;
}

/** `{`, each member JSON.stringify writes (it leaves out undefined, functions and symbols), `}`. */
function objectParts(object: Record<string, unknown>): Buffer[] {
  const parts: Buffer[] = [Buffer.from('{')];
  let first = true;
  for (const [key, value] of Object.entries(object)) {
    if (value === undefined || typeof value === 'function' || typeof value === 'symbol') continue;
    parts.push(Buffer.from(`${first ? '' : ','}${JSON.stringify(key)}:`));
    first = false;
    if (isLongArray(value)) parts.push(...arrayParts(value));
    else parts.push(Buffer.from(JSON.stringify(value)));
  }
  parts.push(Buffer.from('}'));
  return parts;
}

/**
 * `head`, the texts joined by `separator`, and `tail`, as one Buffer of UTF-8 bytes, the texts encoded SLICE at a
 * time: for answers put together around the database's feature texts (services/spatial-queries-json.ts), 52,000
 * of them (23 MB) in a polygon at 1M, which as one string cost a large-object pass per encoding and more.
 */
export function joinedBytes(head: string, texts: readonly string[], separator: string, tail: string): Buffer {
  const parts: Buffer[] = [Buffer.from(head)];
  for (let start = 0; start < texts.length; start += SLICE) {
    const slice = texts.slice(start, start + SLICE).join(separator);
    parts.push(Buffer.from(start === 0 ? slice : `${separator}${slice}`));
  }
  parts.push(Buffer.from(tail));
  return Buffer.concat(parts);
}

/** How a feature collection's JSON starts, up to its first feature. */
export const FEATURE_COLLECTION_HEAD = '{"type":"FeatureCollection","features":[';

/**
 * `{"type":"FeatureCollection","features":[…]` around the features' texts, then `rest` (the members after the
 * features, each with its leading comma) and `}`, as bytes: the layer pages, OGC items and spatial answers the
 * database's feature texts make (http/feature-json-answer.ts, services/spatial-queries-json.ts).
 */
export const featureCollectionBytes = (texts: readonly string[], rest = ''): Buffer =>
  joinedBytes(FEATURE_COLLECTION_HEAD, texts, ',', `]${rest}}`);
