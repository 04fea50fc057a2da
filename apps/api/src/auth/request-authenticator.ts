import { BadRequestException, Injectable, type ExecutionContext } from '@nestjs/common';
import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import { LiveStreamCache, type CachedReader } from '@app/event-store/live-stream-cache';
import { ApiKeyAuthGuard } from './api-key-auth.guard';
import { ApiKeyVerifier } from './api-key-verifier';
import { attachPrincipal, principalOf, type Principal } from './principal';
import { SessionVerifier } from './session-verifier';
import { unauthenticated, unauthenticatedKey } from './unauthenticated';

/** The scheme is case-insensitive (RFC 9110); the token is one run of non-space characters. */
const BEARER = /^bearer +(\S+) *$/i;

/** A request property the platform declares up front (see http/http-platform.ts). */
export const CHECKED_CACHE = 'checkedCredentialCache';

type CheckedRequest = FastifyRequest & {
  user?: Principal;
  /** Set by `beforeHandling`: a reader of the cache checked fresh, or false (it cannot answer). */
  [CHECKED_CACHE]?: CachedReader | false | null;
};

/** A value now, or one to wait for: the common case of a guard needs no promise. */
export type MaybePromise<T> = T | Promise<T>;

export function settle<T, R>(value: MaybePromise<T>, then: (value: T) => R): MaybePromise<R> {
  return value instanceof Promise ? value.then(then) : then(value);
}

/**
 * Finds who is calling, whatever the credential: a bearer session for people, an `X-API-Key`
 * for integrations. Every guard goes through here, so credentials are checked in one place.
 * No credential: null (the guard decides). Any credential presented that is not valid, a
 * malformed `Authorization` included, is a 401: nothing is silently ignored. Both valid
 * credentials at once are ambiguous: 400.
 *
 * The common case, a key whose streams are all in the live credential cache, is decided from
 * memory and without a promise. The request has waited, once arrived whole, for the cache's
 * freshness check that every request of its turn of the event loop shares (`beforeHandling`),
 * so no revocation committed before it arrived can be missed. Anything else takes the full
 * path: passport's strategy for keys, the session verifier for tokens (README "Benchmarks":
 * passport's per-request machinery and a check per request had halved key-authenticated
 * throughput).
 */
@Injectable()
export class RequestAuthenticator {
  constructor(
    private readonly sessions: SessionVerifier,
    private readonly apiKeys: ApiKeyAuthGuard,
    private readonly verifier: ApiKeyVerifier,
    private readonly cache: LiveStreamCache,
  ) {}

  /**
   * A Fastify `preValidation` hook: a request with a key, once it has arrived whole (its body
   * too), waits for the shared freshness check. The guards run right after, in the same turn.
   */
  readonly beforeHandling = (
    request: FastifyRequest,
    _reply: FastifyReply,
    done: HookHandlerDoneFunction,
  ): void => {
    if (request.headers['x-api-key'] === undefined) return done();
    this.cache.whenChecked((reader) => {
      (request as CheckedRequest)[CHECKED_CACHE] = reader ?? false;
      done();
    });
  };

  authenticate(context: ExecutionContext): MaybePromise<Principal | null> {
    const request = context.switchToHttp().getRequest<CheckedRequest>();
    const known = principalOf(request);
    if (known) return known;
    const { authorization } = request.headers;
    const key = request.headers['x-api-key'];
    if (authorization === undefined && key === undefined) return null;
    const checked = request[CHECKED_CACHE];
    if (authorization === undefined && typeof key === 'string' && checked) {
      const cached = this.verifier.verifyCached(key, checked);
      if (cached === null) throw unauthenticatedKey();
      if (cached) return this.accepted(request, cached);
    }
    return this.authenticateInFull(request, context);
  }

  private async authenticateInFull(
    request: CheckedRequest,
    context: ExecutionContext,
  ): Promise<Principal | null> {
    const { authorization } = request.headers;
    let principal: Principal | null = null;
    if (authorization !== undefined) {
      const token = BEARER.exec(authorization)?.[1];
      if (!token) throw unauthenticated('Send Authorization as "Bearer <accessToken>".');
      principal = await this.sessions.verify(token);
      if (!principal) throw unauthenticated('The access token is invalid or has expired.');
    }
    const key = request.headers['x-api-key'];
    if (key !== undefined) {
      // The check `beforeHandling` made, if it ran: a second one would wait another turn.
      const reader = (request[CHECKED_CACHE] ?? (await this.cache.freshReaderSoon())) || undefined;
      const cached = typeof key === 'string' ? this.verifier.verifyCached(key, reader) : undefined;
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
    return principal ? this.accepted(request, principal) : null;
  }

  private accepted(request: CheckedRequest, principal: Principal): Principal {
    if (principal.kind === 'api_key') request.user = principal;
    attachPrincipal(request, principal);
    return principal;
  }
}
