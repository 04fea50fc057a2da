import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { HeaderAPIKeyStrategy } from 'passport-headerapikey';
import { parseApiKey } from '@app/domain';
import { observeKeyVerification } from '@app/platform/metrics/metrics';
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
    const principal = await this.verifier.verify(apiKey);
    observeKeyVerification(principal ? 'valid' : parseApiKey(apiKey) ? 'rejected' : 'malformed');
    return principal ?? false;
  }
}
