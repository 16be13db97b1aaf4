import type { ErrorBody } from './types';

type ErrorInfo = ErrorBody['error'];

/**
 * Every failure of a call to the API: an HTTP error carries the API's own `{error: {code, message}}`;
 * a network failure or an unreadable answer gets a code of the client's (NETWORK, BAD_RESPONSE).
 */
export class ApiError extends Error {
  readonly code: string;
  readonly status: number;
  readonly details: ErrorInfo['details'];

  constructor(status: number, info: ErrorInfo) {
    super(info.message);
    this.name = 'ApiError';
    this.code = info.code;
    this.status = status;
    this.details = info.details;
  }
}

export function isErrorBody(value: unknown): value is ErrorBody {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const error: unknown = value.error;
  return (
    typeof error === 'object' &&
    error !== null &&
    'code' in error &&
    typeof error.code === 'string' &&
    'message' in error &&
    typeof error.message === 'string'
  );
}
