import { Type, type Static } from 'typebox';

/** Every error answer of the API: `{error: {code, message, details}}`. */
export const ErrorBody = Type.Object(
  {
    error: Type.Object({
      code: Type.String({
        description: 'UPPER_SNAKE_CODE, one of ErrorCode in packages/contract/src/errors.ts',
      }),
      message: Type.String(),
      details: Type.Array(Type.Unknown()),
    }),
  },
  { $id: 'ErrorBody' },
);
export type ErrorBody = Static<typeof ErrorBody>;

export type ErrorCode =
  | 'VALIDATION_FAILED'
  | 'NOTE_REQUIRED'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'TRANSITION_NOT_ALLOWED'
  | 'USERNAME_TAKEN'
  | 'ZONE_IN_USE'
  | 'NOT_FOUND'
  | 'PAYLOAD_TOO_LARGE'
  | 'INVALID_GEOMETRY'
  | 'IMPORT_INVALID'
  | 'VERSION_CONFLICT'
  | 'IDEMPOTENCY_KEY_REUSED'
  | 'EVIDENCE_REFUSED'
  | 'OBSERVED_AT_INVALID'
  | 'REPORT_EXISTS'
  | 'REPORT_FROZEN'
  | 'NOT_SUBMITTED'
  | 'PERIOD_NOT_ENDED'
  | 'RATE_LIMITED'
  | 'UNAVAILABLE'
  | 'MISDIRECTED'
  | 'INTERNAL';

/**
 * Answers any route may give: 421 MISDIRECTED (a Host that is not this server's, refused before routing) and
 * the server's own failures, INTERNAL and UNAVAILABLE (the database).
 */
const SERVER_FAILURES = [421, 500, 503] as const;

/**
 * The error answers of a route, all ErrorBody: the statuses given (the route's own refusals) and the server
 * failures any route may answer.
 */
export function errorResponses<const S extends readonly number[]>(
  ...statuses: S
): Record<S[number] | (typeof SERVER_FAILURES)[number], typeof ErrorBody> {
  const all = [...statuses, ...SERVER_FAILURES];
  return Object.fromEntries(all.map((status) => [status, ErrorBody])) as Record<
    S[number] | (typeof SERVER_FAILURES)[number],
    typeof ErrorBody
  >;
}
