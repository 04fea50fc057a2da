import { Injectable } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import { DomainError } from '@app/domain';
import { API_KEY_STRATEGY } from './api-key.strategy';
import { unauthenticatedKey } from './unauthenticated';

/**
 * Runs the passport strategy; a missing, malformed, unknown, deleted or expired key is a 401.
 * A domain refusal of a genuine key (API keys disabled) keeps its own code.
 */
@Injectable()
export class ApiKeyAuthGuard extends AuthGuard(API_KEY_STRATEGY) {
  override handleRequest<T>(error: unknown, principal: T | false): T {
    if (error instanceof DomainError) throw error;
    if (error || !principal) throw unauthenticatedKey();
    return principal;
  }
}
