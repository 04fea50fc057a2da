import { Injectable } from '@nestjs/common';
import {
  accountDecider,
  accountStream,
  apiKeyDecider,
  apiKeyStream,
  isApiKeyUsable,
  organizationDecider,
  organizationStream,
  parseApiKey,
  permissionsOf,
} from '@app/domain';
import { LiveStreamCache } from '@app/event-store/live-stream-cache';
import { SecretHasher } from '@app/platform/credentials/secret-hasher';
import { API_KEY_PURPOSE } from '@app/platform/credentials/session-token';
import { ApiKeyUsage } from '../api-keys/api-key-usage';
import type { Principal } from './principal';

export type ApiKeyPrincipal = Extract<Principal, { kind: 'api_key' }>;

/**
 * Verifies an API key: its shape and checksum first (a typo costs no I/O), then its own
 * stream (never the read model, through the live cache), its secret's HMAC, its expiry, its
 * owner's account and membership. Permissions are the owner's, computed per request.
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
    const permissions = permissionsOf(organization.state, state.ownerId);
    if (account.state.status !== 'active' || !permissions) return null;
    this.usage.record(state.keyId, now);
    const { keyId, ownerId: userId, organizationId } = state;
    return { kind: 'api_key', keyId, userId, organizationId, permissions };
  }
}
