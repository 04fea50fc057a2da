/** Events of `apikey-{keyId}`. Only an HMAC of the secret is ever recorded. */
export type ApiKeyIssued = {
  readonly type: 'ApiKeyIssued';
  readonly data: {
    readonly keyId: string;
    readonly organizationId: string;
    readonly ownerId: string;
    readonly description: string;
    readonly secretHash: string;
    readonly maskedKey: string;
    readonly issuedAt: string;
    readonly expiresAt: string;
    /**
     * The owner's membership epoch in the organization when the key was issued: the key dies
     * with that membership (absent on keys issued before it was recorded).
     */
    readonly membership?: number;
  };
};

/**
 * `revoked_by_admin`: deleted by a member holding members:write, not by its owner; `rolled`:
 * replaced by a roll with no grace period; `leaked`: reported as leaked by anyone holding it.
 */
export type ApiKeyRevocationReason =
  'deleted' | 'revoked_by_admin' | 'member_removed' | 'account_deleted' | 'rolled' | 'leaked';

export type ApiKeyRevoked = {
  readonly type: 'ApiKeyRevoked';
  readonly data: {
    readonly keyId: string;
    readonly organizationId: string;
    readonly ownerId: string;
    readonly reason: ApiKeyRevocationReason;
    readonly revokedAt: string;
  };
};

/**
 * Replaced by `rolledTo`: the key keeps working until `graceEndsAt` (never past its own
 * expiry), then expires. A roll with no grace period is followed by ApiKeyRevoked (`rolled`).
 */
export type ApiKeyRolled = {
  readonly type: 'ApiKeyRolled';
  readonly data: {
    readonly keyId: string;
    readonly organizationId: string;
    readonly ownerId: string;
    readonly rolledTo: string;
    readonly graceEndsAt: string;
    readonly rolledAt: string;
  };
};

export type ApiKeyEvent = ApiKeyIssued | ApiKeyRevoked | ApiKeyRolled;
