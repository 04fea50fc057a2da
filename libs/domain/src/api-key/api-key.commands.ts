import type { ApiKeyRevocationReason } from './api-key.events';

export type IssueApiKey = {
  readonly type: 'IssueApiKey';
  readonly data: {
    readonly keyId: string;
    readonly organizationId: string;
    readonly ownerId: string;
    readonly description: string;
    readonly secretHash: string;
    readonly maskedKey: string;
    /** The owner's current membership epoch (see ApiKeyIssued). */
    readonly membership?: number;
    readonly now: string;
  };
};

export type RevokeApiKey = {
  readonly type: 'RevokeApiKey';
  readonly data: {
    readonly keyId: string;
    /** A person deleting a key must own it; cascades (removal, deletion) have no requester. */
    readonly requesterId: string | null;
    /** The requester holds members:write in the key's organization: any of its keys is theirs to revoke. */
    readonly requesterManagesMembers?: boolean;
    readonly reason: ApiKeyRevocationReason;
    readonly now: string;
  };
};

export type RollApiKey = {
  readonly type: 'RollApiKey';
  readonly data: {
    readonly keyId: string;
    /** Only the key's owner rolls it. */
    readonly requesterId: string;
    /** The key issued to replace it. */
    readonly rolledTo: string;
    /** Until when the old key keeps working; `now` (no grace) revokes it at once. */
    readonly graceEndsAt: string;
    readonly now: string;
  };
};

export type ApiKeyCommand = IssueApiKey | RevokeApiKey | RollApiKey;
