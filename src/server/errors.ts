/**
 * The one error handler: known errors become `{"error": {"code", "message"}}` with a fitting status;
 * anything else is a bug, logged and answered with a bare 500 that reveals nothing.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { isCyberclaimsError, type ErrorCode } from '../errors.js';

export interface ApiErrorBody {
  readonly error: {
    readonly code: string;
    readonly message: string;
    readonly details?: readonly { readonly path: string; readonly message: string }[];
  };
}

/** An API failure that is not a CyberclaimsError (authorisation, request shape). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const STATUS: Partial<Record<ErrorCode, number>> = {
  NOT_FOUND: 404,
  BAD_ARGUMENT: 400,
  FILE_TOO_LARGE: 413,
  UNSUPPORTED_TYPE: 415,
  FILE_BINARY: 415,
  FILE_EMPTY: 422,
  FILE_ENCODING: 422,
  JSON_MALFORMED: 422,
  JSON_NO_TEXT: 422,
  HTML_NO_TEXT: 422,
  DB_ERROR: 503,
};

/** Fastify's and its plugins' own request errors, by their code. */
const FASTIFY: Record<string, [number, string]> = {
  FST_ERR_CTP_BODY_TOO_LARGE: [413, 'PAYLOAD_TOO_LARGE'],
  FST_REQ_FILE_TOO_LARGE: [413, 'PAYLOAD_TOO_LARGE'],
  FST_FILES_LIMIT: [413, 'PAYLOAD_TOO_LARGE'],
  FST_PARTS_LIMIT: [413, 'PAYLOAD_TOO_LARGE'],
  FST_FIELDS_LIMIT: [413, 'PAYLOAD_TOO_LARGE'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [415, 'UNSUPPORTED_MEDIA_TYPE'],
  FST_INVALID_MULTIPART_CONTENT_TYPE: [415, 'UNSUPPORTED_MEDIA_TYPE'],
  FST_ERR_CTP_EMPTY_JSON_BODY: [400, 'BAD_REQUEST'],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: [400, 'BAD_REQUEST'],
};

export const body = (
  code: string,
  message: string,
  details?: ApiErrorBody['error']['details'],
): ApiErrorBody => ({
  error: { code, message, ...(details ? { details } : {}) },
});

export const notFoundBody = (method: string, url: string): ApiErrorBody =>
  body('NOT_FOUND', `no route ${method} ${url.length > 200 ? `${url.slice(0, 200)}…` : url}`);

export function errorHandler(e: FastifyError, req: FastifyRequest, reply: FastifyReply): FastifyReply {
  if (e instanceof ApiError) return reply.code(e.status).send(body(e.code, e.message));
  if (isCyberclaimsError(e)) return reply.code(STATUS[e.code] ?? 400).send(body(e.code, e.message));
  if (e.validation) {
    // e.g. "querystring/limit must be <= 500"
    const where = e.validationContext ?? 'request';
    const details = e.validation.map((v) => ({
      path: `${where}${v.instancePath || (v.params && 'missingProperty' in v.params ? `/${String(v.params.missingProperty)}` : '')}`,
      message: v.message ?? 'is invalid',
    }));
    return reply
      .code(400)
      .send(
        body(
          'VALIDATION_FAILED',
          `invalid request: ${details.map((d) => `${d.path} ${d.message}`).join('; ')}`,
          details,
        ),
      );
  }
  const known = e.code ? FASTIFY[e.code] : undefined;
  if (known) return reply.code(known[0]).send(body(known[1], e.message));
  if (e.statusCode && e.statusCode >= 400 && e.statusCode < 500) {
    // Malformed JSON and the like: Fastify's message says what was wrong with the request.
    return reply.code(e.statusCode).send(body('BAD_REQUEST', e.message));
  }
  req.log.error(e);
  if (process.env.CYBERCLAIMS_DEBUG) console.error(e);
  return reply.code(500).send(body('INTERNAL', 'internal server error'));
}
