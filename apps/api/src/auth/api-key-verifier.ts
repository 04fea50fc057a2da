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
  type ActiveApiKey,
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
    const { state } = await this.cache.load(apiKeyStream(parsed.keyId), apiKeyDecider);
    const now = new Date();
    // The secret first: a wrong one costs no further read.
    if (!this.secretMatches(parsed.secret, state, now)) return null;
    const [account, organization] = await Promise.all([
      this.cache.load(accountStream(state.ownerId), accountDecider),
      this.cache.load(organizationStream(state.organizationId), organizationDecider),
    ]);
    return this.principal(state, account.state, organization.state, now);
  }

  /**
   * The same decision from memory alone, without a promise: `undefined` when any of the
   * three streams is not in the live cache (the caller then takes the full path).
   */
  verifyCached(key: string): ApiKeyPrincipal | null | undefined {
    const parsed = parseApiKey(key);
    if (!parsed) return null;
    const apiKey = this.cache.peek<ApiKeyState>(apiKeyStream(parsed.keyId));
    if (!apiKey) return undefined;
    const { state } = apiKey;
    const now = new Date();
    if (!this.secretMatches(parsed.secret, state, now)) return null;
    const account = this.cache.peek<AccountState>(accountStream(state.ownerId));
    const organization = this.cache.peek<OrganizationState>(
      organizationStream(state.organizationId),
    );
    if (!account || !organization) return undefined;
    return this.principal(state, account.state, organization.state, now);
  }

  private secretMatches(secret: string, state: ApiKeyState, now: Date): state is ActiveApiKey {
    return (
      isApiKeyUsable(state, now.toISOString()) &&
      this.hasher.matches(API_KEY_PURPOSE, secret, state.secretHash)
    );
  }

  private principal(
    state: ActiveApiKey,
    account: AccountState,
    organization: OrganizationState,
    now: Date,
  ): ApiKeyPrincipal | null {
    const permissions = memoizedPermissions(organization, state.ownerId);
    if (account.status !== 'active' || !permissions) return null;
    this.usage.record(state.keyId, now);
    const { keyId, ownerId: userId, organizationId } = state;
    return { kind: 'api_key', keyId, userId, organizationId, permissions };
  }
}
