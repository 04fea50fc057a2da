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
  type AccountState,
  type ActiveApiKey,
  type ApiKeyState,
  type OrganizationState,
} from '@app/domain';
import { LiveStreamCache } from '@app/event-store/live-stream-cache';
import { SecretHasher } from '@app/platform/credentials/secret-hasher';
import { observeKeyVerification } from '@app/platform/metrics/metrics';
import { API_KEY_PURPOSE } from '@app/platform/credentials/session-token';
import { ApiKeyUsage } from '../api-keys/api-key-usage';
import type { Principal } from './principal';

/**
 * Folded states are immutable and replaced on every change, so the organization's judgement of
 * a key can be kept per pair of state objects: computed once per revision of either.
 */
type KeyAccess = ReturnType<typeof keyAccessOf>;
const accessByState = new WeakMap<OrganizationState, WeakMap<ActiveApiKey, KeyAccess>>();
function memoizedKeyAccess(organization: OrganizationState, key: ActiveApiKey): KeyAccess {
  let byKey = accessByState.get(organization);
  if (!byKey) accessByState.set(organization, (byKey = new WeakMap()));
  let access = byKey.get(key);
  if (access === undefined) byKey.set(key, (access = keyAccessOf(organization, key)));
  return access;
}

export type ApiKeyPrincipal = Extract<Principal, { kind: 'api_key' }>;

/** Counts one decision, whichever path (memory or the full one) made it. */
function observed(key: string, principal: ApiKeyPrincipal | null): ApiKeyPrincipal | null {
  observeKeyVerification(principal ? 'valid' : parseApiKey(key) ? 'rejected' : 'malformed');
  return principal;
}

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
    return observed(key, await this.decide(key));
  }

  private async decide(key: string): Promise<ApiKeyPrincipal | null> {
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
    const decided = this.decideCached(key);
    return decided === undefined ? undefined : observed(key, decided);
  }

  private decideCached(key: string): ApiKeyPrincipal | null | undefined {
    const parsed = parseApiKey(key);
    if (!parsed) return null;
    const cached = this.cache.freshReader();
    if (!cached) return undefined;
    const apiKey = cached<ApiKeyState>(apiKeyStream(parsed.keyId));
    if (!apiKey) return undefined;
    const { state } = apiKey;
    const now = new Date();
    if (!this.secretMatches(parsed.secret, state, now)) return null;
    const account = cached<AccountState>(accountStream(state.ownerId));
    const organization = cached<OrganizationState>(organizationStream(state.organizationId));
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
    if (account.status !== 'active') return null;
    const access = memoizedKeyAccess(organization, state);
    if (access.kind === 'refused') return null;
    if (access.kind === 'api_keys_disabled') throw new ApiKeysDisabled();
    this.usage.record(state.keyId, now);
    const { keyId, ownerId: userId, organizationId } = state;
    return { kind: 'api_key', keyId, userId, organizationId, permissions: access.permissions };
  }
}
