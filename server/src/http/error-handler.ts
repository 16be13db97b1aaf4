import type { FastifyError, FastifyInstance } from 'fastify';
import type { ErrorObject } from 'ajv';
import { AppError } from './app-error';
import { isDatabaseUnavailable } from './unavailable';
import { describeAjvErrors } from './validation';

/** The one place that turns failures into the API's error shape. 5xx details stay in the log, not the answer. */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
    if (error instanceof AppError) {
      return reply.code(error.statusCode).send({
        error: { code: error.code, message: error.message, details: error.details },
      });
    }
    if (error.validation) {
      const details = describeAjvErrors(
        error.validation as ErrorObject[],
        error.validationContext ?? 'request',
      );
      const first = details[0];
      return reply.code(400).send({
        error: {
          code: 'VALIDATION_FAILED',
          message: first ? `Invalid ${first.in}: ${first.message}` : 'The request is invalid',
          details,
        },
      });
    }
    if (isDatabaseUnavailable(error)) {
      request.log.warn({ err: error }, 'database unavailable');
      return reply
        .code(503)
        .header('retry-after', 1)
        .send({
          error: {
            code: 'UNAVAILABLE',
            message: 'The database cannot be reached right now; try again',
            details: [],
          },
        });
    }
    const status = error.statusCode ?? 500;
    if (status === 413) {
      return reply.code(413).send({
        error: { code: 'PAYLOAD_TOO_LARGE', message: 'The request body is too large', details: [] },
      });
    }
    if (status >= 400 && status < 500) {
      // Fastify's own 4xx: malformed JSON, unsupported media type and the like.
      return reply.code(status).send({
        error: { code: 'VALIDATION_FAILED', message: error.message, details: [] },
      });
    }
    request.log.error({ err: error }, 'request failed');
    return reply.code(500).send({
      error: { code: 'INTERNAL', message: 'Internal server error', details: [] },
    });
  });

  app.setNotFoundHandler((request, reply) => {
    reply.code(404).send({
      error: {
        code: 'NOT_FOUND',
        message: `No route ${request.method} ${request.url.split('?')[0]}`,
        details: [],
      },
    });
  });
}
