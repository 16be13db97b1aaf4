import type { ErrorCode } from '@gridwatch/contract';

/** An expected failure of a request: becomes `{error: {code, message, details}}` with its HTTP status. */
export class AppError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: ErrorCode,
    message: string,
    readonly details: unknown[] = [],
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const validationFailed = (message: string, details: unknown[] = []) =>
  new AppError(400, 'VALIDATION_FAILED', message, details);

export const notFound = (message: string) => new AppError(404, 'NOT_FOUND', message);
