/**
 * Request validation. Bodies are JSON and are checked as sent: no type coercion, unknown fields refused (Fastify's
 * default Ajv would coerce and silently drop them). Query strings and route params arrive as text and are coerced.
 */
import { Ajv, type ErrorObject, type Options } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { FastifySchemaCompiler } from 'fastify';
import { unsafeTextReason } from '@gridwatch/contract';

// ajv-formats is CommonJS; its default export arrives wrapped under ESM interop.
const addFormats =
  (addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule;

function makeAjv(options: Options): Ajv {
  const ajv = new Ajv({ allErrors: true, strict: false, removeAdditional: false, ...options });
  addFormats(ajv);
  return ajv;
}

const bodyAjv = makeAjv({ coerceTypes: false, useDefaults: false });
const textAjv = makeAjv({ coerceTypes: true, useDefaults: true });
/** Answers are checked as they are sent (response-check.ts): nothing coerced, defaulted or removed. */
export const responseAjv = makeAjv({ coerceTypes: false, useDefaults: false });

export const validatorCompiler: FastifySchemaCompiler<unknown> = ({ schema, httpPart }) => {
  if (httpPart === 'body') return bodyAjv.compile(schema as object);
  return checkTextFirst(schema as TextSchema, textAjv.compile(schema as object));
};

type TextSchema = { properties?: Record<string, { type?: unknown; maximum?: number; minimum?: number }> };
type Validate = ((data: unknown) => boolean) & { errors?: ErrorObject[] | null };

/** Ids and counts in a URL: decimal only (Ajv's coercion reads `0x10` as 16 and `Infinity` as a number). */
const DECIMAL_INTEGER = /^-?\d{1,15}$/;
const DECIMAL_NUMBER = /^-?(\d+\.?\d*|\.\d+)([eE][-+]?\d{1,3})?$/;
// Integers in a URL are ids, counts and tile coordinates: all fit PostgreSQL's integer.
const INT32_MAX = 2_147_483_647;

/**
 * Query strings and route params are text: before Ajv coerces them, each is checked as text, so that a value
 * both stores would read differently (NUL, a lone surrogate, a hex or out-of-range number) is a 400 naming it.
 */
function checkTextFirst(schema: TextSchema, compiled: Validate): Validate {
  const validate: Validate = (data) => {
    const errors = textErrors(schema, data);
    validate.errors = errors.length > 0 ? errors : null;
    if (errors.length > 0) return false;
    const ok = compiled(data);
    validate.errors = compiled.errors ?? null;
    return ok;
  };
  return validate;
}

function textErrors(schema: TextSchema, data: unknown): ErrorObject[] {
  if (typeof data !== 'object' || data === null) return [];
  const errors: ErrorObject[] = [];
  const refuse = (key: string, message: string) =>
    errors.push({ instancePath: `/${key}`, schemaPath: '#', keyword: 'text', params: {}, message });
  for (const [key, raw] of Object.entries(data as Record<string, unknown>)) {
    for (const value of Array.isArray(raw) ? raw : [raw]) {
      if (typeof value !== 'string') continue;
      const unsafe = unsafeTextReason(value);
      if (unsafe) refuse(key, unsafe);
      const type = schema.properties?.[key]?.type;
      if (type === 'integer') {
        if (!DECIMAL_INTEGER.test(value))
          refuse(key, `must be a decimal integer, not "${value.slice(0, 40)}"`);
        else if (Math.abs(Number(value)) > INT32_MAX) refuse(key, `must be at most ${INT32_MAX}`);
      } else if (type === 'number' && !(DECIMAL_NUMBER.test(value) && Number.isFinite(Number(value)))) {
        refuse(key, `must be a decimal number, not "${value.slice(0, 40)}"`);
      }
    }
  }
  return errors;
}

export interface ValidationDetail {
  in: string;
  path: string;
  message: string;
}

/** Ajv's errors as details that name the offending path, e.g. `/limit` or `/geometry/coordinates/0/3`. */
export function describeAjvErrors(errors: ErrorObject[], where: string): ValidationDetail[] {
  return errors.map((e) => {
    // Ajv names the parent object; the detail names the field itself.
    const field =
      e.keyword === 'additionalProperties'
        ? e.params.additionalProperty
        : e.keyword === 'required'
          ? e.params.missingProperty
          : undefined;
    const extra = field === undefined ? '' : `/${String(field)}`;
    const path = `${e.instancePath}${extra}` || '/';
    const message =
      e.keyword === 'additionalProperties'
        ? `unknown field "${String(e.params.additionalProperty)}"`
        : e.keyword === 'required'
          ? `${path} is required`
          : `${path} ${e.message ?? 'is invalid'}`;
    return { in: where, path, message };
  });
}
