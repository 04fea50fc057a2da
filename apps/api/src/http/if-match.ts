import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { InvalidInput } from './problem';

/** `ETag` carries a revision (the profile's, for `/me`) as a weak validator: `W/"3"`. */
export const toETag = (revision: number): string => `W/"${revision}"`;

/**
 * `If-Match` becomes the expected revision. Absent: undefined (the command applies to whatever
 * revision is current).
 * Malformed: 400, because a client that meant to guard its write must not silently lose it.
 */
export function parseIfMatch(header: string | undefined): number | undefined {
  if (header === undefined || header.trim() === '' || header.trim() === '*') return undefined;
  const match = /^\s*(?:W\/)?"(\d{1,15})"\s*$/.exec(header);
  if (!match?.[1]) {
    throw new InvalidInput([
      {
        field: 'If-Match',
        message: 'If-Match must be an ETag from this API, e.g. W/"3"',
        rule: 'etag',
      },
    ]);
  }
  return Number(match[1]);
}

export const IfMatch = createParamDecorator((_data: unknown, context: ExecutionContext) =>
  parseIfMatch(context.switchToHttp().getRequest<FastifyRequest>().headers['if-match']),
);
