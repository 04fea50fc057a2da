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

/** `revoked_by_admin`: deleted by a member holding members:write, not by its owner. */
export type ApiKeyRevocationReason =
  'deleted' | 'revoked_by_admin' | 'member_removed' | 'account_deleted';

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

export type ApiKeyEvent = ApiKeyIssued | ApiKeyRevoked;
