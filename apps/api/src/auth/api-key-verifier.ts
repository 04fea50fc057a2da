import { Injectable } from '@nestjs/common';
import {
  accountDecider,
  accountStream,
  apiKeyDecider,
  apiKeyStream,
  DomainError,
  isApiKeyUsable,
  keyAccessOf,
  organizationDecider,
  organizationStream,
  parseApiKey,
} from '@app/domain';
import { LiveStreamCache } from '@app/event-store/live-stream-cache';
import { SecretHasher } from '@app/platform/credentials/secret-hasher';
import { API_KEY_PURPOSE } from '@app/platform/credentials/session-token';
import { ApiKeyUsage } from '../api-keys/api-key-usage';
import type { Principal } from './principal';

export type ApiKeyPrincipal = Extract<Principal, { kind: 'api_key' }>;

/** A genuine key of an organization that has switched API keys off: 403, not 401. */
export class ApiKeysDisabled extends DomainError {
  constructor() {
    super(
      'API_KEYS_DISABLED',
      'forbidden',
      'API keys are disabled in this organization; its owners can enable them again.',
    );
  }
}

/**
 * Verifies an API key: its shape and checksum first (a typo costs no I/O), then its own
 * stream (never the read model, through the live cache), its secret's HMAC, its expiry, its
 * owner's account, and the organization's judgement of the key (`keyAccessOf`): its owner
 * still in the membership it was issued in, and API keys not disabled. That judgement reads
 * only the organization's stream, so no cascade has to have run. Permissions are the owner's,
 * computed per request.
 */
@Injectable()
export class ApiKeyVerifier {
  constructor(
    private readonly cache: LiveStreamCache,
    private readonly hasher: SecretHasher,
    private readonly usage: ApiKeyUsage,
  ) {}

  async verify(key: string): Promise<ApiKeyPrincipal | null> {
    const parsed = parseApiKey(key);
    if (!parsed) return null;
    const now = new Date();
    const { state } = await this.cache.load(apiKeyStream(parsed.keyId), apiKeyDecider);
    if (!isApiKeyUsable(state, now.toISOString())) return null;
    if (!this.hasher.matches(API_KEY_PURPOSE, parsed.secret, state.secretHash)) return null;
    const [account, organization] = await Promise.all([
      this.cache.load(accountStream(state.ownerId), accountDecider),
      this.cache.load(organizationStream(state.organizationId), organizationDecider),
    ]);
    if (account.state.status !== 'active') return null;
    const access = keyAccessOf(organization.state, state);
    if (access.kind === 'refused') return null;
    if (access.kind === 'api_keys_disabled') throw new ApiKeysDisabled();
    this.usage.record(state.keyId, now);
    const { keyId, ownerId: userId, organizationId } = state;
    return { kind: 'api_key', keyId, userId, organizationId, permissions: access.permissions };
  }
}
