import { ERROR_CODES, errorResponseSchema, type ErrorCode, type ErrorResponse, type FieldError } from '@bluezone/contract';
import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError } from '../errors.js';
import { describeValidationError } from './validation-fields.js';

export function sendError(reply: FastifyReply, code: ErrorCode, message: string, fields?: FieldError[]): FastifyReply {
  const body: ErrorResponse = { error: { code, message, ...(fields && fields.length > 0 && { fields }) } };
  return reply.code(ERROR_CODES[code].status).type('application/json; charset=utf-8').send(body);
}

// Fastify's own errors that clients cause, by Fastify's code.
const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'malformed_json',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'malformed_json',
  FST_ERR_CTP_BODY_TOO_LARGE: 'body_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'validation_failed',
  FST_ERR_VALIDATION: 'validation_failed',
};

/**
 * Install before any route: Fastify gives each route the error handler in force when the route is registered.
 * Every error leaves as `{"error":{"code","message","fields"?}}` with a documented code. Unexpected errors are logged
 * with their stack and answered with `internal` and no detail: stack traces and SQL never reach clients.
 */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) return sendError(reply, error.code, error.message, error.fields);
    if (hasZodFastifySchemaValidationErrors(error)) {
      const { message, fields } = describeValidationError(error, request);
      return sendError(reply, 'validation_failed', message, fields);
    }
    if (isResponseSerializationError(error)) {
      request.log.error({ err: error }, 'response does not match its schema');
      return sendError(reply, 'internal', 'internal error');
    }
    const mapped = error.code ? FASTIFY_CODES[error.code] : undefined;
    if (mapped) return sendError(reply, mapped, mapped === 'malformed_json' ? 'the body is not valid JSON' : error.message);
    if (error instanceof SyntaxError && error.statusCode === 400) return sendError(reply, 'malformed_json', 'the body is not valid JSON');
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      const code = (Object.keys(ERROR_CODES) as ErrorCode[]).find((c) => ERROR_CODES[c].status === status) ?? 'validation_failed';
      return sendError(reply, code, error.message);
    }
    request.log.error({ err: error }, 'unexpected error');
    return sendError(reply, 'internal', 'internal error');
  });
}

/** Declared on every API route so the OpenAPI document shows the error shape beside each success shape. */
export const errorResponses = { '4xx': errorResponseSchema, '5xx': errorResponseSchema } as const;
