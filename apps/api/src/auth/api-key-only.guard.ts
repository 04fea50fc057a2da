import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { RequestAuthenticator, settle, type MaybePromise } from './request-authenticator';
import { unauthenticatedKey } from './unauthenticated';

/** Routes for integrations only: a valid `X-API-Key` (and no other credential), else 401. */
@Injectable()
export class ApiKeyOnlyGuard implements CanActivate {
  constructor(private readonly authenticator: RequestAuthenticator) {}

  canActivate(context: ExecutionContext): MaybePromise<boolean> {
    return settle(this.authenticator.authenticate(context), (principal) => {
      if (principal?.kind !== 'api_key') throw unauthenticatedKey();
      return true;
    });
  }
}
