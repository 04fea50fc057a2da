import {
  ForbiddenException,
  Injectable,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { attachPrincipal } from './principal';
import { RequestAuthenticator } from './request-authenticator';
import { unauthenticated } from './unauthenticated';

/**
 * Routes for people only: a valid `Authorization: Bearer <accessToken>`, else 401. A valid
 * API key is a known caller that is not allowed here, so it gets 403.
 */
@Injectable()
export class UserSessionGuard implements CanActivate {
  constructor(private readonly authenticator: RequestAuthenticator) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const principal = await this.authenticator.authenticate(context);
    if (!principal) throw unauthenticated();
    if (principal.kind !== 'user')
      throw new ForbiddenException('API keys cannot call this endpoint.');
    attachPrincipal(context.switchToHttp().getRequest<FastifyRequest>(), principal);
    return true;
  }
}
