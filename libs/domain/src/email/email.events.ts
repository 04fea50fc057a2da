/**
 * Events of `email-{hmac(email)}`: one stream per address makes it unique without a read
 * model on the write path. No plaintext address enters these events, only its keyed hash.
 */
export type EmailReserved = {
  readonly type: 'EmailReserved';
  readonly data: {
    readonly emailHash: string;
    readonly userId: string;
    readonly reservedAt: string;
  };
};

export type EmailReleased = {
  readonly type: 'EmailReleased';
  readonly data: {
    readonly emailHash: string;
    readonly userId: string;
    readonly releasedAt: string;
  };
};

export type EmailEvent = EmailReserved | EmailReleased;
