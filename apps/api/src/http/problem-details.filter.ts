import {
  ArgumentsHost,
  Catch,
  HttpException,
  HttpStatus,
  Logger,
  type ExceptionFilter,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { DomainError, type DomainErrorKind } from '@app/domain';
import { ConcurrentWritesError } from '@app/event-store/aggregate-store';
import { WrongExpectedRevisionError } from '@app/event-store/event-store.port';
import { InvalidInput, PROBLEM_CONTENT_TYPE, problemType, type ProblemDetails } from './problem';
import { requestIdOf } from './request-id.middleware';

const STATUS_OF_KIND: Record<DomainErrorKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  precondition_failed: 412,
};

const TITLES: Record<number, string> = {
  400: 'Invalid request',
  401: 'Not authenticated',
  403: 'Forbidden',
  404: 'Not found',
  405: 'Method not allowed',
  409: 'Conflict',
  412: 'Precondition failed',
  413: 'Request body too large',
  415: 'Unsupported media type',
  429: 'Too many requests',
  500: 'Internal error',
  503: 'Service unavailable',
};

/**
 * Maps every error to problem+json. Domain codes map by kind; framework errors keep their
 * status with a safe message; anything unexpected is logged and answered as a bare 500,
 * never with its message (it could carry internals or a secret).
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('http');

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    const problem = { ...this.toProblem(error, request), requestId: requestIdOf(request) };
    if (response.headersSent) return;
    const retryAfter = retryAfterOf(error);
    if (retryAfter) response.setHeader('Retry-After', String(retryAfter));
    response.status(problem.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(problem));
  }

  private toProblem(error: unknown, request: Request): ProblemDetails {
    if (error instanceof InvalidInput) {
      return problem(400, 'validation', error.detail, { errors: error.errors });
    }
    if (error instanceof DomainError) {
      const status = STATUS_OF_KIND[error.kind];
      const errors = error.field ? [{ field: error.field, message: error.message }] : undefined;
      return problem(status, error.code.toLowerCase().replace(/_/g, '-'), error.message, {
        code: error.code,
        errors,
      });
    }
    if (error instanceof ConcurrentWritesError) {
      return problem(
        409,
        'concurrent-writes',
        'Too many changes at once to this resource; retry shortly.',
      );
    }
    if (error instanceof WrongExpectedRevisionError) {
      return problem(
        412,
        'stale-revision',
        'The resource changed since you read it; read it again.',
      );
    }
    const bodyParserStatus = bodyParserStatusOf(error);
    if (bodyParserStatus) return fromBodyParser(bodyParserStatus);
    if (error instanceof HttpException) return fromHttpException(error);
    this.logger.error({
      message: 'unhandled error',
      method: request.method,
      path: request.route?.path ?? 'unknown',
      error: describe(error),
    });
    return problem(
      500,
      'internal',
      'Something went wrong on our side. The request id helps us find it.',
    );
  }
}

function problem(
  status: number,
  slug: string,
  detail: string,
  extra: Partial<ProblemDetails> = {},
): ProblemDetails {
  const body: ProblemDetails = {
    type: problemType(slug),
    title: TITLES[status] ?? 'Error',
    status,
    detail,
  };
  return Object.fromEntries(
    Object.entries({ ...body, ...extra }).filter(([, value]) => value !== undefined),
  ) as unknown as ProblemDetails;
}

/** body-parser errors carry a status and a `type`; their messages may echo the body. */
function bodyParserStatusOf(error: unknown): number | null {
  const candidate = error as { type?: unknown; status?: unknown };
  if (typeof candidate?.type !== 'string' || typeof candidate.status !== 'number') return null;
  return candidate.status;
}

function fromBodyParser(status: number): ProblemDetails {
  if (status === 413)
    return problem(413, 'body-too-large', 'The request body is larger than allowed.');
  if (status === 415)
    return problem(415, 'unsupported-media-type', 'Send the body as application/json.');
  return problem(400, 'malformed-body', 'The request body is not valid JSON.');
}

function fromHttpException(error: HttpException): ProblemDetails {
  const status = error.getStatus();
  if (status === HttpStatus.NOT_FOUND) return problem(404, 'not-found', 'No such resource.');
  if (status === HttpStatus.UNAUTHORIZED) {
    return problem(401, 'unauthenticated', 'A valid credential is required.');
  }
  const body = error.getResponse();
  const headline =
    typeof body === 'string'
      ? body
      : typeof (body as { message?: unknown }).message === 'string'
        ? (body as { message: string }).message
        : error.message;
  const slug =
    status === 429 ? 'too-many-requests' : status === 503 ? 'unavailable' : `http-${status}`;
  return problem(status, slug, headline);
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
