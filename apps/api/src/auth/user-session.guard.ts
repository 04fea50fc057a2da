import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { attachPrincipal } from './principal';
import { RequestAuthenticator } from './request-authenticator';
import { PEOPLE_ONLY, unauthenticated } from './unauthenticated';

/**
 * Routes for people only: a valid `Authorization: Bearer <accessToken>`, else 401. An API key
 * is not a credential these routes accept, so it gets the same 401 (with `WWW-Authenticate`
 * naming the scheme that is).
 */
@Injectable()
export class UserSessionGuard implements CanActivate {
  constructor(private readonly authenticator: RequestAuthenticator) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const principal = await this.authenticator.authenticate(context);
    if (!principal) throw unauthenticated();
    if (principal.kind !== 'user') throw unauthenticated(PEOPLE_ONLY);
    attachPrincipal(context.switchToHttp().getRequest<FastifyRequest>(), principal);
    return true;
  }
}
