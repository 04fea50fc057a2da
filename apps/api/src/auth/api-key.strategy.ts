import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { HeaderAPIKeyStrategy } from 'passport-headerapikey';
import { ApiKeyVerifier, type ApiKeyPrincipal } from './api-key-verifier';

export const API_KEY_STRATEGY = 'api-key';

/** passport-headerapikey reads `X-API-Key`; the verifier decides. */
@Injectable()
export class ApiKeyStrategy extends PassportStrategy(HeaderAPIKeyStrategy, API_KEY_STRATEGY) {
  constructor(private readonly verifier: ApiKeyVerifier) {
    // passReqToCallback must stay false: @nestjs/passport passes `done` last.
    super({ header: 'X-API-Key', prefix: '' }, false);
  }

  async validate(apiKey: string): Promise<ApiKeyPrincipal | false> {
    // The verifier counts the outcome (api_key_verifications_total), on this path and the cached one.
    return (await this.verifier.verify(apiKey)) ?? false;
  }
}
