// Every failure leaves as {error: {code, message, field?}}: no stack traces, no SQL.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, errorBody, type ErrorCode } from '../lib/errors.ts';
import { requestLocale } from './locale.ts';
import { validationError } from './validation.ts';

const fastifyCodes: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'MALFORMED_JSON',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'MALFORMED_JSON',
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'VALIDATION_FAILED',
  FST_ERR_CTP_INVALID_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  // The router's own: a path that does not decode, a path parameter over 100 characters
  FST_ERR_BAD_URL: 'VALIDATION_FAILED',
  FST_ERR_MAX_PARAM_LENGTH: 'VALIDATION_FAILED',
  // @fastify/multipart
  FST_REQ_FILE_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_FILES_LIMIT: 'VALIDATION_FAILED',
  FST_FIELDS_LIMIT: 'VALIDATION_FAILED',
  FST_PARTS_LIMIT: 'VALIDATION_FAILED',
  FST_INVALID_MULTIPART_CONTENT_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
};

const statusCodes: Record<number, ErrorCode> = {
  400: 'VALIDATION_FAILED',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'TOO_MANY_ATTEMPTS',
};

/** Errors of the database connection itself (server down, restarting, refusing). */
export function isDatabaseUnavailable(error: unknown): boolean {
  const e = error as { code?: string; message?: string };
  if (typeof e?.code === 'string') {
    if (['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', '57P01', '57P02', '57P03'].includes(e.code)) return true;
    if (e.code.startsWith('08')) return true;
  }
  return typeof e?.message === 'string' && /Connection terminated|connection timeout|timeout exceeded when trying to connect|not queryable/i.test(e.message);
}

export function toAppError(error: FastifyError | Error): AppError | null {
  if (error instanceof AppError) return error;
  const e = error as FastifyError & { code?: string };
  if (e.validation) return validationError(e.validation);
  if (e.code && fastifyCodes[e.code]) return new AppError(fastifyCodes[e.code]!);
  if (isDatabaseUnavailable(error)) return new AppError('DATABASE_UNAVAILABLE');
  if (e.code === '23505') return new AppError('CONFLICT');
  // A CHECK constraint refused the input (e.g. a name still too short once trimmed).
  if (e.code === '23514') return new AppError('VALIDATION_FAILED');
  if (typeof e.code === 'string' && e.code.startsWith('22')) return new AppError('VALIDATION_FAILED');
  if (e.statusCode && e.statusCode < 500 && statusCodes[e.statusCode]) return new AppError(statusCodes[e.statusCode]!);
  return null;
}

export function sendError(request: FastifyRequest, reply: FastifyReply, error: AppError) {
  if (error.code === 'DATABASE_UNAVAILABLE') void reply.header('retry-after', '5');
  return reply.status(error.status).type('application/json; charset=utf-8').send(errorBody(error, requestLocale(request)));
}

/** Errors raised before a route is found (Fastify's `frameworkErrors`), in the same shape. */
export function sendFrameworkError(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  return sendError(request, reply, toAppError(error) ?? new AppError('VALIDATION_FAILED'));
}

export function registerErrorHandling(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const known = toAppError(error);
    if (known) {
      if (known.status >= 500) request.log.warn({ err: error }, 'service unavailable');
      return sendError(request, reply, known);
    }
    request.log.error({ err: error }, 'unhandled error');
    return sendError(request, reply, new AppError('INTERNAL'));
  });
}
