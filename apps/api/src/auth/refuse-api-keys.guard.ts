import {
  ForbiddenException,
  Injectable,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import type { FastifyRequest } from 'fastify';

/** `/auth/*` is for people: a request carrying an API key is refused outright. */
@Injectable()
export class RefuseApiKeysGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    if (context.switchToHttp().getRequest<FastifyRequest>().headers['x-api-key'] !== undefined) {
      throw new ForbiddenException('API keys cannot call /auth endpoints.');
    }
    return true;
  }
}
