import type { Static, TSchema } from 'typebox';
import { Compile, type Validator } from 'typebox/compile';
import { ApiError } from './api-error';

/** At most this many problems are listed in the error's details: the first names the path, the rest help. */
const MAX_PROBLEMS = 10;

// Compiled once per schema: a layer of 50,000 sites is checked in milliseconds (interpreted, in seconds).
// Where a Content-Security-Policy forbids compiling, TypeBox falls back to interpreting.
type NoContext = Record<never, never>;
const validators = new WeakMap<TSchema, Validator>();
function validatorOf<S extends TSchema>(schema: S): Validator<NoContext, S> {
  // The map forgets which schema made which validator; the key says it.
  const known = validators.get(schema) as Validator<NoContext, S> | undefined;
  if (known) return known;
  const validator = Compile(schema);
  validators.set(schema, validator);
  return validator;
}

/**
 * The answer as its contract schema types it, or an ApiError BAD_RESPONSE naming where it differs: the client
 * never takes a server's word for the shape of an answer.
 */
export function decodeAnswer<S extends TSchema>(
  schema: S,
  body: unknown,
  path: string,
  status: number,
): Static<S> {
  const validator = validatorOf(schema);
  if (validator.Check(body)) return body;
  const problems = validator
    .Errors(body)
    .slice(0, MAX_PROBLEMS)
    .map((e) => ({ path: e.instancePath || '/', message: e.message }));
  const first = problems[0];
  const where = first ? ` at ${first.path}: ${first.message}` : '';
  throw new ApiError(status, {
    code: 'BAD_RESPONSE',
    message: `${path}: the answer is not what the API promises${where}`,
    details: problems,
  });
}
