import { Injectable, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { ApiKeyAuthGuard } from './api-key-auth.guard';
import { principalOf, type Principal } from './principal';
import { SessionVerifier } from './session-verifier';

/**
 * Finds who is calling, whatever the credential: a bearer session for people, an `X-API-Key`
 * for integrations. Every guard goes through here, so credentials are checked in one place.
 */
@Injectable()
export class RequestAuthenticator {
  constructor(
    private readonly sessions: SessionVerifier,
    private readonly apiKeys: ApiKeyAuthGuard,
  ) {}

  async authenticate(context: ExecutionContext): Promise<Principal | null> {
    const request = context.switchToHttp().getRequest<Request & { user?: Principal }>();
    const known = principalOf(request);
    if (known) return known;
    const bearer = /^Bearer ([^\s]+)$/.exec(request.header('authorization') ?? '')?.[1];
    if (bearer) return this.sessions.verify(bearer);
    if (request.header('x-api-key') === undefined) return null;
    await this.apiKeys.canActivate(context);
    return request.user ?? null;
  }
}
