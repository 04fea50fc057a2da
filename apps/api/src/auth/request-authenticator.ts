import { BadRequestException, Injectable, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { ApiKeyAuthGuard } from './api-key-auth.guard';
import { ApiKeyVerifier } from './api-key-verifier';
import { attachPrincipal, principalOf, type Principal } from './principal';
import { SessionVerifier } from './session-verifier';
import { unauthenticated, unauthenticatedKey } from './unauthenticated';

/** The scheme is case-insensitive (RFC 9110); the token is one run of non-space characters. */
const BEARER = /^bearer +(\S+) *$/i;

/**
 * Finds who is calling, whatever the credential: a bearer session for people, an `X-API-Key`
 * for integrations. Every guard goes through here, so credentials are checked in one place.
 * No credential: null (the guard decides). Any credential presented that is not valid, a
 * malformed `Authorization` included, is a 401: nothing is silently ignored. Both valid
 * credentials at once are ambiguous: 400.
 */
@Injectable()
export class RequestAuthenticator {
  constructor(
    private readonly sessions: SessionVerifier,
    private readonly apiKeys: ApiKeyAuthGuard,
    private readonly verifier: ApiKeyVerifier,
  ) {}

  async authenticate(context: ExecutionContext): Promise<Principal | null> {
    const request = context.switchToHttp().getRequest<FastifyRequest & { user?: Principal }>();
    const known = principalOf(request);
    if (known) return known;
    const { authorization } = request.headers;
    const hasKey = request.headers['x-api-key'] !== undefined;
    if (authorization === undefined && !hasKey) return null;
    let principal: Principal | null = null;
    if (authorization !== undefined) {
      const token = BEARER.exec(authorization)?.[1];
      if (!token) throw unauthenticated('Send Authorization as "Bearer <accessToken>".');
      principal = await this.sessions.verify(token);
      if (!principal) throw unauthenticated('The access token is invalid or has expired.');
    }
    if (hasKey) {
      // The common case, a key whose streams are all in the live cache, is decided from
      // memory without passport's per-request machinery (measured: it halved the throughput
      // of key-authenticated requests, see README "Benchmarks"). Anything else goes through
      // the passport strategy. Both paths end in the same verifier decision; a failure is 401.
      const header = request.headers['x-api-key'];
      const cached = typeof header === 'string' ? this.verifier.verifyCached(header) : undefined;
      if (cached === null) throw unauthenticatedKey();
      if (cached) request.user = cached;
      else await this.apiKeys.canActivate(context);
      if (!request.user) throw unauthenticatedKey();
      if (principal) {
        throw new BadRequestException({
          message: 'Send one credential: Authorization or X-API-Key, not both.',
          code: 'AMBIGUOUS_CREDENTIALS',
        });
      }
      principal = request.user;
    }
    if (principal) attachPrincipal(request, principal);
    return principal;
  }
}
