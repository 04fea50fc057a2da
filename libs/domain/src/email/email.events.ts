/**
 * Events of `email-{hmac(email)}`: one stream per address makes it unique without a read
 * model on the write path. No plaintext address enters these events, only its keyed hash.
 */
export type EmailReserved = {
  readonly type: 'EmailReserved';
  readonly data: {
    readonly emailHash: string;
    /** Sealed in the log (see ReservationHolderCipher); null once its holder is erased. */
    readonly userId: string | null;
    readonly reservedAt: string;
  };
};

export type EmailReleased = {
  readonly type: 'EmailReleased';
  readonly data: {
    readonly emailHash: string;
    /** Not kept in the log: reads as null, except in events written before that. */
    readonly userId: string | null;
    readonly releasedAt: string;
  };
};

export type EmailEvent = EmailReserved | EmailReleased;
