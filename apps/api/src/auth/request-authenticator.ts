import { Injectable } from '@nestjs/common';
import type { Request } from 'express';
import type { Principal } from './principal';
import { SessionVerifier } from './session-verifier';

/**
 * Finds who is calling, whatever the credential: a bearer session for people. Every guard
 * goes through here, so a new kind of credential is added in one place.
 */
@Injectable()
export class RequestAuthenticator {
  constructor(private readonly sessions: SessionVerifier) {}

  async authenticate(request: Request): Promise<Principal | null> {
    const bearer = /^Bearer ([^\s]+)$/.exec(request.header('authorization') ?? '')?.[1];
    if (bearer) return this.sessions.verify(bearer);
    return null;
  }
}
