import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

const ACCEPTABLE = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * Fastify's `genReqId`: each request gets an id (the caller's X-Request-Id when sane), the
 * correlation id of the events it causes. The platform hooks echo it as `X-Request-Id`.
 */
export function requestIdFor(raw: IncomingMessage): string {
  const offered = raw.headers['x-request-id'];
  return typeof offered === 'string' && ACCEPTABLE.test(offered) ? offered : randomUUID();
}

export const requestIdOf = (request: { id?: unknown }): string =>
  typeof request.id === 'string' ? request.id : 'unknown';
