import {
  Injectable,
  UnauthorizedException,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import type { Request } from 'express';
import { attachPrincipal } from './principal';
import { SessionVerifier } from './session-verifier';

/** Routes for people only: a valid `Authorization: Bearer <accessToken>` or 401. */
@Injectable()
export class UserSessionGuard implements CanActivate {
  constructor(private readonly verifier: SessionVerifier) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<Request>();
    const match = /^Bearer ([^\s]+)$/.exec(request.header('authorization') ?? '');
    const principal = match?.[1] ? await this.verifier.verify(match[1]) : null;
    if (!principal) throw new UnauthorizedException();
    attachPrincipal(request, principal);
    return true;
  }
}
