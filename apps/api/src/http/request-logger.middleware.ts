import { Logger } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { requestIdOf } from './request-id.middleware';

const logger = new Logger('http');

/**
 * One structured line per request. Only method, route pattern, status and timing: never
 * headers, query values or bodies, which is where credentials and passwords travel.
 */
export function logRequest(request: Request, response: Response, next: NextFunction): void {
  const started = process.hrtime.bigint();
  response.on('finish', () => {
    logger.log({
      message: 'request',
      requestId: requestIdOf(request),
      method: request.method,
      route: request.route?.path ?? 'unmatched',
      status: response.statusCode,
      durationMs: Number(process.hrtime.bigint() - started) / 1e6,
    });
  });
  next();
}
