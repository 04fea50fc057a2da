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
  type AccountState,
  type ApiKeyState,
  type OrganizationState,
  type Permission,
} from '@app/domain';
import { LiveStreamCache } from '@app/event-store/live-stream-cache';
import { SecretHasher } from '@app/platform/credentials/secret-hasher';
import { API_KEY_PURPOSE } from '@app/platform/credentials/session-token';
import { ApiKeyUsage } from '../api-keys/api-key-usage';
import type { Principal } from './principal';

/**
 * Folded states are immutable and replaced on every change, so the effective permissions of
 * a member can be kept per state object: computed once per organization revision.
 */
const permissionsByState = new WeakMap<OrganizationState, Map<string, Permission[] | null>>();
function memoizedPermissions(state: OrganizationState, userId: string): Permission[] | null {
  let byUser = permissionsByState.get(state);
  if (!byUser) permissionsByState.set(state, (byUser = new Map()));
  let permissions = byUser.get(userId);
  if (permissions === undefined) byUser.set(userId, (permissions = permissionsOf(state, userId)));
  return permissions;
}

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
    const keyStream = apiKeyStream(parsed.keyId);
    // Everything in memory (the common case): no promise per stream.
    const { state } =
      this.cache.peek<ApiKeyState>(keyStream) ?? (await this.cache.load(keyStream, apiKeyDecider));
    if (!isApiKeyUsable(state, now.toISOString())) return null;
    if (!this.hasher.matches(API_KEY_PURPOSE, parsed.secret, state.secretHash)) return null;
    const accountKey = accountStream(state.ownerId);
    const organizationKey = organizationStream(state.organizationId);
    const cachedAccount = this.cache.peek<AccountState>(accountKey);
    const cachedOrganization = this.cache.peek<OrganizationState>(organizationKey);
    const [account, organization] =
      cachedAccount && cachedOrganization
        ? [cachedAccount, cachedOrganization]
        : await Promise.all([
            this.cache.load(accountKey, accountDecider),
            this.cache.load(organizationKey, organizationDecider),
          ]);
    const permissions = memoizedPermissions(organization.state, state.ownerId);
    if (account.state.status !== 'active' || !permissions) return null;
    this.usage.record(state.keyId, now);
    const { keyId, ownerId: userId, organizationId } = state;
    return { kind: 'api_key', keyId, userId, organizationId, permissions };
  }
}
