import { ArgumentsHost, Catch, HttpException, Logger, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, type DomainErrorKind } from '@app/domain';
import { ConcurrentWritesError } from '@app/event-store/aggregate-store';
import { WrongExpectedRevisionError } from '@app/event-store/event-store.port';
import {
  InvalidInput,
  problem,
  PROBLEM_CONTENT_TYPE,
  WWW_AUTHENTICATE,
  type HttpProblemCode,
  type ProblemDetails,
} from './problem';

const STATUS_OF_KIND: Record<DomainErrorKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  precondition_failed: 412,
};

/** The code of a framework exception that names none. */
const CODE_OF_STATUS: Record<number, HttpProblemCode> = {
  400: 'VALIDATION_FAILED',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  409: 'CONCURRENT_WRITES',
  412: 'STALE_REVISION',
  413: 'BODY_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'TOO_MANY_REQUESTS',
  503: 'UNAVAILABLE',
};

/**
 * Maps every error to problem+json. Domain errors keep their code; framework errors (Nest
 * exceptions, Fastify's body parsing) get the code of their kind and a safe message;
 * anything unexpected is logged and answered as a bare 500, never with its message (it
 * could carry internals or a secret).
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('http');

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    if (reply.sent) return;
    sendProblem(
      reply,
      { ...this.toProblem(error, request), requestId: String(request.id) },
      {
        retryAfter: retryAfterOf(error),
      },
    );
  }

  private toProblem(error: unknown, request: FastifyRequest): ProblemDetails {
    if (error instanceof InvalidInput) {
      return problem(400, 'VALIDATION_FAILED', error.detail, error.errors);
    }
    if (error instanceof DomainError) {
      const status = STATUS_OF_KIND[error.kind];
      const errors = error.field
        ? [{ field: error.field, message: error.message, rule: 'invalid' }]
        : undefined;
      return problem(status, error.code, error.message, errors);
    }
    if (error instanceof ConcurrentWritesError) {
      return problem(
        409,
        'CONCURRENT_WRITES',
        'Too many changes at once to this resource; retry shortly.',
      );
    }
    if (error instanceof WrongExpectedRevisionError) {
      return problem(
        412,
        'STALE_REVISION',
        'The resource changed since you read it; read it again.',
      );
    }
    const parsing = fromFastify(error);
    if (parsing) return parsing;
    if (error instanceof HttpException) return fromHttpException(error);
    this.logger.error({
      message: 'unhandled error',
      method: request.method,
      route: request.routeOptions?.url ?? 'unknown',
      error: describe(error),
    });
    return problem(
      500,
      'INTERNAL_ERROR',
      'Something went wrong on our side. The request id helps us find it.',
    );
  }
}

/** Writes a problem answer; the one place problem+json leaves the service. */
export function sendProblem(
  reply: FastifyReply,
  body: ProblemDetails,
  headers: { retryAfter?: number | null; allow?: string } = {},
): void {
  if (body.status === 401) reply.header('WWW-Authenticate', WWW_AUTHENTICATE);
  if (headers.retryAfter) reply.header('Retry-After', String(headers.retryAfter));
  if (headers.allow) reply.header('Allow', headers.allow);
  reply.status(body.status).header('Content-Type', PROBLEM_CONTENT_TYPE).send(JSON.stringify(body));
}

/** Fastify's own errors (body parsing, limits) carry a `FST_` code; their messages may echo input. */
function fromFastify(error: unknown): ProblemDetails | null {
  const candidate = error as { code?: unknown; statusCode?: unknown };
  const code = typeof candidate?.code === 'string' ? candidate.code : '';
  const statusCode = typeof candidate?.statusCode === 'number' ? candidate.statusCode : 0;
  if (code === 'FST_ERR_CTP_BODY_TOO_LARGE' || statusCode === 413) {
    return problem(413, 'BODY_TOO_LARGE', 'The request body is larger than allowed.');
  }
  if (code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || statusCode === 415) {
    return problem(
      415,
      'UNSUPPORTED_MEDIA_TYPE',
      'Send the body as application/json (uncompressed).',
    );
  }
  if (code === 'FST_ERR_CTP_EMPTY_JSON_BODY') {
    return problem(400, 'MALFORMED_BODY', 'The body is empty; send a JSON object.');
  }
  if (code.startsWith('FST_ERR_CTP') || (error instanceof SyntaxError && statusCode === 400)) {
    return problem(400, 'MALFORMED_BODY', 'The request body is not valid JSON.');
  }
  return null;
}

function fromHttpException(error: HttpException): ProblemDetails {
  const status = error.getStatus();
  const body = error.getResponse() as string | { message?: unknown; code?: unknown };
  const ownCode = typeof body === 'object' && typeof body.code === 'string' ? body.code : null;
  const code =
    ownCode ?? CODE_OF_STATUS[status] ?? (status >= 500 ? 'INTERNAL_ERROR' : 'VALIDATION_FAILED');
  if (status === 404 && !ownCode) return problem(404, code, 'No such resource.');
  if (status === 401 && !ownCode) return problem(401, code, 'A valid credential is required.');
  const headline =
    typeof body === 'string'
      ? body
      : typeof body.message === 'string'
        ? body.message
        : error.message;
  return problem(status, code, headline);
}

function retryAfterOf(error: unknown): number | null {
  if (!(error instanceof HttpException)) return null;
  const body = error.getResponse() as { retryAfter?: unknown };
  return typeof body?.retryAfter === 'number' ? body.retryAfter : null;
}

function describe(error: unknown): Record<string, unknown> {
  return error instanceof Error
    ? { name: error.name, message: error.message, stack: error.stack }
    : { value: String(error) };
}
