/**
 * Request validation. Bodies are JSON and are checked as sent: no type coercion, unknown fields refused (Fastify's
 * default Ajv would coerce and silently drop them). Query strings and route params arrive as text and are coerced.
 */
import { Ajv, type ErrorObject, type Options } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { FastifySchemaCompiler } from 'fastify';

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
  const ajv = httpPart === 'body' ? bodyAjv : textAjv;
  return ajv.compile(schema as object);
};

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
