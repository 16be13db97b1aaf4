import type { Static, TSchema } from 'typebox';
import { CHECKS, type AnswerCheck } from 'virtual:answer-checks';
import { ErrorBody } from './answers';
import { ApiError } from './api-error';

/** At most this many problems are listed in the error's details: the first names the path, the rest help. */
const MAX_PROBLEMS = 10;

/**
 * The check the build compiled for an answer schema (client/build/answer-checks.ts): the page's CSP forbids
 * compiling one in the browser, and interpreting a schema costs ≈ 280 ms for 10,000 sites. A schema missing from
 * answers.ts is a programming error, found by the first test that calls it.
 */
function checkOf(schema: TSchema): AnswerCheck {
  const check = CHECKS.get(schema);
  if (!check) throw new Error('the answer schema is not listed in client/src/api/answers.ts');
  return check;
}

/** Whether the build compiled a check for this schema (answers.ts lists it). */
export const isPrecompiled = (schema: TSchema): boolean => CHECKS.has(schema);

/** Whether the answer is what the schema promises. */
export const conforms = <S extends TSchema>(schema: S, body: unknown): body is Static<S> =>
  checkOf(schema)(body);

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
  if (conforms(schema, body)) return body;
  const problems = (checkOf(schema).errors ?? [])
    .slice(0, MAX_PROBLEMS)
    .map((e) => ({ path: e.instancePath || '/', message: e.message ?? 'is not as promised' }));
  const first = problems[0];
  const where = first ? ` at ${first.path}: ${first.message}` : '';
  throw new ApiError(status, {
    code: 'BAD_RESPONSE',
    message: `${path}: the answer is not what the API promises${where}`,
    details: problems,
  });
}

/** Whether a parsed body is the API's error answer. */
export const isErrorBody = (value: unknown): value is ErrorBody => conforms(ErrorBody, value);
