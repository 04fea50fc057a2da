import { Injectable } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import { API_KEY_STRATEGY } from './api-key.strategy';
import { unauthenticatedKey } from './unauthenticated';

/** Runs the passport strategy; a missing, malformed, unknown, deleted or expired key is a 401. */
@Injectable()
export class ApiKeyAuthGuard extends AuthGuard(API_KEY_STRATEGY) {
  override handleRequest<T>(error: unknown, principal: T | false): T {
    if (error || !principal) throw unauthenticatedKey();
    return principal;
  }
}
