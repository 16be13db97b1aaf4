import type { ErrorBody } from '@gridwatch/contract';

type ErrorInfo = ErrorBody['error'];

/**
 * Every failure of a call to the API: an HTTP error carries the API's own `{error: {code, message}}`;
 * a network failure or an answer that is not what the API promises gets a code of the client's (NETWORK,
 * HTTP_ERROR, BAD_RESPONSE).
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
