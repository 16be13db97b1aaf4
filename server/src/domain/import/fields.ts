/**
 * The properties of an imported row, read by type. JSON values are taken as sent, never coerced (`"loadMw":
 * "12"` is an error, QUALITY.md §6); CSV cells are text and are parsed by the column's type. A missing
 * property, a JSON `null` and an empty CSV cell all mean "absent".
 */
import { unsafeTextReason } from '@gridwatch/contract';

export type ReferenceTable = 'substations' | 'utilities' | 'lines';

export type FieldResult<T> = { ok: true; value: T } | { ok: false; reason: string };

export interface Parser<T> {
  /** What a valid value is, for messages: "a number ≥ 0". */
  readonly expects: string;
  json(value: unknown): FieldResult<T>;
  csv(text: string): FieldResult<T>;
}

export interface Field<T> {
  readonly parser: Parser<unknown>;
  readonly required: boolean;
  /** The value stored when an optional field is absent: a row is the whole record, not a patch. */
  readonly absent?: T;
  /** The table whose externalId this field names. */
  readonly reference?: ReferenceTable;
}

export type Fields<P> = { readonly [K in keyof P]: Field<P[K]> };

const MAX_TEXT = 1000;

const ok = <T>(value: T): FieldResult<T> => ({ ok: true, value });
const fail = (reason: string): FieldResult<never> => ({ ok: false, reason });

/** A JSON value as a person would name it in a sentence: `the string "12"`, `an array`. */
export function describeJson(value: unknown): string {
  if (typeof value === 'string') return `the string ${JSON.stringify(value.slice(0, 40))}`;
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object' && value !== null) return 'an object';
  return String(value);
}

export function text(): Parser<string> {
  const check = (s: string) => {
    if (s.length > MAX_TEXT) return fail(`is longer than ${MAX_TEXT} characters`);
    // Checked here, so a dry run refuses what the commit would (PostgreSQL refuses NUL in text).
    const unsafe = unsafeTextReason(s);
    return unsafe ? fail(unsafe) : ok(s);
  };
  return {
    expects: 'a string',
    json: (v) => (typeof v === 'string' ? check(v) : fail(`must be a string, not ${describeJson(v)}`)),
    csv: check,
  };
}

export interface Range {
  min?: number;
  /** Whether `min` itself is refused (a voltage must be > 0, a load may be 0). */
  exclusive?: boolean;
  /** The largest value taken (the column table states why, packages/contract/src/columns). */
  max?: number;
}

const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const INTEGER = /^[+-]?\d+$/;

/** The range in words: `≥ 0 and ≤ 2000`, `> 0 and ≤ 1200`. */
function rangeText({ min, exclusive = false, max }: Range): string {
  const parts: string[] = [];
  if (min !== undefined) parts.push(`${exclusive ? '>' : '≥'} ${min}`);
  if (max !== undefined) parts.push(`≤ ${max}`);
  return parts.length ? ` ${parts.join(' and ')}` : '';
}

function numeric(kind: 'number' | 'integer', range: Range): Parser<number> {
  const { min, exclusive = false, max } = range;
  const expects = `${kind === 'integer' ? 'an integer' : 'a number'}${rangeText(range)}`;
  const check = (n: number, shown: string): FieldResult<number> => {
    if (!Number.isFinite(n)) return fail(`must be ${expects}, not ${shown}`);
    if (kind === 'integer' && !Number.isSafeInteger(n)) return fail(`must be ${expects}, not ${shown}`);
    if (min !== undefined && (exclusive ? n <= min : n < min))
      return fail(`must be ${expects}, not ${shown}`);
    if (max !== undefined && n > max) return fail(`must be ${expects}, not ${shown}`);
    return ok(n);
  };
  return {
    expects,
    json: (v) =>
      typeof v === 'number' ? check(v, String(v)) : fail(`must be ${expects}, not ${describeJson(v)}`),
    csv: (s) => {
      const t = s.trim();
      const shown = JSON.stringify(s.slice(0, 40));
      return (kind === 'integer' ? INTEGER : DECIMAL).test(t)
        ? check(Number(t), shown)
        : fail(`must be ${expects}, not ${shown}`);
    },
  };
}

export const number = (range: Range = {}) => numeric('number', range);
export const integer = (range: Range = {}) => numeric('integer', range);

export function oneOf<T extends string>(values: readonly T[]): Parser<T> {
  const expects = `one of ${values.join(', ')}`;
  const check = (s: string, shown: string) =>
    (values as readonly string[]).includes(s) ? ok(s as T) : fail(`must be ${expects}, not ${shown}`);
  return {
    expects,
    json: (v) =>
      typeof v === 'string' ? check(v, describeJson(v)) : fail(`must be ${expects}, not ${describeJson(v)}`),
    csv: (s) => check(s.trim(), JSON.stringify(s.slice(0, 40))),
  };
}

/** A calendar date YYYY-MM-DD, as the store keeps dates (text that orders and compares alike everywhere). */
export function date(): Parser<string> {
  const check = (s: string, shown: string) => {
    const [, y, m, d] = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s) ?? [];
    const day = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
    // Date.UTC rolls 2026-02-30 over into March: a real date reads back as itself.
    const valid =
      day.getUTCFullYear() === Number(y) &&
      day.getUTCMonth() === Number(m) - 1 &&
      day.getUTCDate() === Number(d);
    return valid ? ok(s) : fail(`must be a date YYYY-MM-DD, not ${shown}`);
  };
  return {
    expects: 'a date YYYY-MM-DD',
    json: (v) =>
      typeof v === 'string'
        ? check(v, describeJson(v))
        : fail(`must be a date YYYY-MM-DD, not ${describeJson(v)}`),
    csv: (s) => check(s.trim(), JSON.stringify(s.slice(0, 40))),
  };
}

export function required<T>(parser: Parser<T>, reference?: ReferenceTable): Field<T> {
  return { parser, required: true, ...(reference ? { reference } : {}) };
}

export function optional<T, D extends T | null>(
  parser: Parser<T>,
  absent: D,
  reference?: ReferenceTable,
): Field<T | D> {
  return { parser, required: false, absent, ...(reference ? { reference } : {}) };
}

export type ReadResult<P> = { ok: true; value: P } | { ok: false; messages: string[] };

/**
 * Reads every field of `fields` from a row's properties (JSON values, or CSV cells by column name), collecting
 * one message per bad field. Keys of the row that are not fields are the caller's to refuse.
 */
export function readFields<P>(
  fields: Fields<P>,
  properties: Readonly<Record<string, unknown>>,
  source: 'json' | 'csv',
): ReadResult<P> {
  const value: Record<string, unknown> = {};
  const messages: string[] = [];
  for (const [name, field] of Object.entries(fields) as [string, Field<unknown>][]) {
    const raw = Object.hasOwn(properties, name) ? properties[name] : undefined;
    const isAbsent = raw === undefined || raw === null || (source === 'csv' && raw === '');
    if (isAbsent) {
      if (field.required) messages.push(`${name} is required (${field.parser.expects})`);
      else value[name] = field.absent;
      continue;
    }
    const parsed = source === 'csv' ? field.parser.csv(String(raw)) : field.parser.json(raw);
    if (!parsed.ok) messages.push(`${name} ${parsed.reason}`);
    else if (field.required && parsed.value === '') messages.push(`${name} must not be empty`);
    else value[name] = parsed.value;
  }
  return messages.length ? { ok: false, messages } : { ok: true, value: value as P };
}
