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
  };
};

export type ApiKeyRevocationReason = 'deleted' | 'member_removed' | 'account_deleted';

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
