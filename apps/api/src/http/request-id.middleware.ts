import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';

const REQUEST_ID = Symbol('requestId');
const ACCEPTABLE = /^[A-Za-z0-9._-]{1,64}$/;

/** Each request gets an id (the caller's X-Request-Id when sane): the correlation id of its events. */
export function assignRequestId(request: Request, response: Response, next: NextFunction): void {
  const offered = request.header('x-request-id');
  const id = offered && ACCEPTABLE.test(offered) ? offered : randomUUID();
  (request as unknown as Record<symbol, string>)[REQUEST_ID] = id;
  response.setHeader('X-Request-Id', id);
  next();
}

export const requestIdOf = (request: Request): string =>
  (request as unknown as Record<symbol, string | undefined>)[REQUEST_ID] ?? 'unknown';
