import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { RequestAuthenticator } from './request-authenticator';
import { unauthenticatedKey } from './unauthenticated';

/** Routes for integrations only: a valid `X-API-Key` (and no other credential), else 401. */
@Injectable()
export class ApiKeyOnlyGuard implements CanActivate {
  constructor(private readonly authenticator: RequestAuthenticator) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const principal = await this.authenticator.authenticate(context);
    if (principal?.kind !== 'api_key') throw unauthenticatedKey();
    return true;
  }
}
