import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { Permission } from '@app/domain';
import type { Actor, EventMetadata } from '@app/event-store/event-store.port';
import { requestIdOf } from '../http/request-id.middleware';

/** Who is calling: a person with a session, or an integration with an API key. */
export type Principal =
  | { readonly kind: 'user'; readonly userId: string; readonly sessionId: string }
  | {
      readonly kind: 'api_key';
      readonly keyId: string;
      readonly userId: string;
      readonly organizationId: string;
      /** The owner's effective permissions when the key was verified, for this request. */
      readonly permissions: readonly Permission[];
    };

export type UserPrincipal = Extract<Principal, { kind: 'user' }>;

/** A request property the platform declares up front (see http/http-platform.ts). */
const PRINCIPAL = 'principal';

export const attachPrincipal = (request: FastifyRequest, principal: Principal): void => {
  (request as unknown as Record<string, Principal>)[PRINCIPAL] = principal;
};

export const principalOf = (request: FastifyRequest): Principal | undefined =>
  (request as unknown as Record<string, Principal | null | undefined>)[PRINCIPAL] ?? undefined;

/** The authenticated caller; guards guarantee it is present. */
export const CurrentPrincipal = createParamDecorator(
  (_data: unknown, context: ExecutionContext) => {
    const principal = principalOf(context.switchToHttp().getRequest<FastifyRequest>());
    if (!principal) throw new Error('CurrentPrincipal used on a route without an auth guard');
    return principal;
  },
);

export function actorOf(principal: Principal | undefined): Actor {
  if (!principal) return { type: 'system', id: 'anonymous' };
  return principal.kind === 'user'
    ? { type: 'user', id: principal.userId }
    : { type: 'api_key', id: principal.keyId, userId: principal.userId };
}

/** Event metadata for a command caused by this request. */
export function metadataFor(request: FastifyRequest, principal?: Principal): EventMetadata {
  const requestId = requestIdOf(request);
  return { correlationId: requestId, causationId: requestId, actor: actorOf(principal) };
}

export const RequestMetadata = createParamDecorator((_data: unknown, context: ExecutionContext) => {
  const request = context.switchToHttp().getRequest<FastifyRequest>();
  return metadataFor(request, principalOf(request));
});
