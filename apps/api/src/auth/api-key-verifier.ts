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
import type { LoadedAggregate } from '@app/event-store/aggregate-store';
import { LiveStreamCache, type CachedReader } from '@app/event-store/live-stream-cache';
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

/** How many recent decisions are remembered; the oldest goes first. */
const RECENT_DECISIONS = 10_000;

/**
 * A key's granted decision and what it was made from: the three streams at their revisions
 * (no state: a revision names one) and the moment the key expires.
 */
interface RecentDecision {
  readonly streams: readonly [string, string, string];
  readonly revisions: readonly [number | null, number | null, number | null];
  readonly usableUntilMs: number;
  readonly principal: ApiKeyPrincipal;
}

/**
 * Granted decisions by the full key presented, as an API gateway caches credentials: a
 * request with a key that passed moments ago, on streams that have not changed since, costs
 * one lookup instead of the checksum, the HMAC and the organization's judgement, which
 * together were most of a key-authenticated request (README "Benchmarks"). Memory only,
 * bounded, never logged or exported. Any event on one of a decision's streams drops it at
 * once, so a deleted key's secret does not outstay its deletion here.
 */
class RecentDecisions {
  private readonly byKey = new Map<string, RecentDecision>();
  private readonly keysByStream = new Map<string, Set<string>>();

  /** The decision, if it still stands on the cache as it is now. */
  standing(key: string, cached: CachedReader, now: number): ApiKeyPrincipal | undefined {
    const recent = this.byKey.get(key);
    if (!recent) return undefined;
    const { streams, revisions } = recent;
    if (
      now < recent.usableUntilMs &&
      cached(streams[0])?.revision === revisions[0] &&
      cached(streams[1])?.revision === revisions[1] &&
      cached(streams[2])?.revision === revisions[2]
    ) {
      return recent.principal;
    }
    this.forget(key);
    return undefined;
  }

  remember(key: string, decision: RecentDecision): void {
    this.forget(key);
    if (this.byKey.size >= RECENT_DECISIONS) {
      const oldest = this.byKey.keys().next();
      if (!oldest.done) this.forget(oldest.value);
    }
    this.byKey.set(key, decision);
    for (const stream of decision.streams) {
      let keys = this.keysByStream.get(stream);
      if (!keys) this.keysByStream.set(stream, (keys = new Set()));
      keys.add(key);
    }
  }

  forgetStream(stream: string): void {
    const keys = this.keysByStream.get(stream);
    if (keys) for (const key of [...keys]) this.forget(key);
  }

  private forget(key: string): void {
    const decision = this.byKey.get(key);
    if (!decision) return;
    this.byKey.delete(key);
    for (const stream of decision.streams) {
      const keys = this.keysByStream.get(stream);
      keys?.delete(key);
      if (keys?.size === 0) this.keysByStream.delete(stream);
    }
  }
}

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
 * as the organization's stream stands at this request.
 */
@Injectable()
export class ApiKeyVerifier {
  private readonly recent = new RecentDecisions();

  constructor(
    private readonly cache: LiveStreamCache,
    private readonly hasher: SecretHasher,
    private readonly usage: ApiKeyUsage,
  ) {
    cache.onEvent((event) => this.recent.forgetStream(event.stream));
  }

  async verify(key: string): Promise<ApiKeyPrincipal | null> {
    return observed(key, await this.decide(key));
  }

  private async decide(key: string): Promise<ApiKeyPrincipal | null> {
    const parsed = parseApiKey(key);
    if (!parsed) return null;
    const keyStream = apiKeyStream(parsed.keyId);
    const apiKey = await this.cache.load(keyStream, apiKeyDecider);
    const { state } = apiKey;
    const now = new Date();
    // The secret first: a wrong one costs no further read.
    if (!this.secretMatches(parsed.secret, state, now)) return null;
    const streams = [
      keyStream,
      accountStream(state.ownerId),
      organizationStream(state.organizationId),
    ] as const;
    const [account, organization] = await Promise.all([
      this.cache.load(streams[1], accountDecider),
      this.cache.load(streams[2], organizationDecider),
    ]);
    return this.decided(key, state, streams, [apiKey, account, organization], now);
  }

  /**
   * The same decision from the live cache, without a promise: `undefined` when the cache
   * cannot answer (not checked fresh, or a stream not in it; the caller then takes the full
   * path). `reader` comes from a freshness check made after the request arrived
   * (`LiveStreamCache.whenChecked`).
   */
  verifyCached(key: string, reader: CachedReader | undefined): ApiKeyPrincipal | null | undefined {
    const decided = this.decideCached(key, reader);
    return decided === undefined ? undefined : observed(key, decided);
  }

  private decideCached(
    key: string,
    cached: CachedReader | undefined,
  ): ApiKeyPrincipal | null | undefined {
    if (cached) {
      const recent = this.recentDecision(key, cached);
      if (recent) return recent;
    }
    const parsed = parseApiKey(key);
    if (!parsed) return null;
    if (!cached) return undefined;
    const keyStream = apiKeyStream(parsed.keyId);
    const apiKey = cached<ApiKeyState>(keyStream);
    if (!apiKey) return undefined;
    const { state } = apiKey;
    const now = new Date();
    if (!this.secretMatches(parsed.secret, state, now)) return null;
    const streams = [
      keyStream,
      accountStream(state.ownerId),
      organizationStream(state.organizationId),
    ] as const;
    const account = cached<AccountState>(streams[1]);
    const organization = cached<OrganizationState>(streams[2]);
    if (!account || !organization) return undefined;
    return this.decided(key, state, streams, [apiKey, account, organization], now);
  }

  /** A granted decision still standing: none of its streams changed, the key not expired. */
  private recentDecision(key: string, cached: CachedReader): ApiKeyPrincipal | undefined {
    const now = Date.now();
    const principal = this.recent.standing(key, cached, now);
    if (principal) this.usage.record(principal.keyId, new Date(now));
    return principal;
  }

  /** The decision on the three loaded streams; a grant is remembered for the next request. */
  private decided(
    key: string,
    state: ActiveApiKey,
    streams: RecentDecision['streams'],
    loaded: readonly [
      LoadedAggregate<ApiKeyState>,
      LoadedAggregate<AccountState>,
      LoadedAggregate<OrganizationState>,
    ],
    now: Date,
  ): ApiKeyPrincipal | null {
    const principal = this.principal(state, loaded[1].state, loaded[2].state, now);
    if (principal) {
      this.recent.remember(key, {
        streams,
        revisions: [loaded[0].revision, loaded[1].revision, loaded[2].revision],
        usableUntilMs: Date.parse(state.expiresAt),
        principal,
      });
    }
    return principal;
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
