import { createHmac, randomBytes } from 'node:crypto';
import type { DataKeyStore } from '../data-keys/data-key-store.port';

const SUBJECT_PREFIX = 'email-salt:';

export interface EmailReservationStream {
  /** `email-{hmac(salt, emailHash)}`: the address's reservation stream for this salt. */
  readonly stream: string;
  /** What the stream's events carry as `emailHash`: never the pepper's hash of the address. */
  readonly streamHash: string;
  /** The stored salt, to retire exactly this one. */
  readonly salt: string;
}

/**
 * Where an address's reservation lives. The pepper alone must not lead from an address to
 * its reservation, or an erased account could be found again from its email (the
 * reservation sits next to the account's registration in the log). So the stream is named
 * with a random salt kept outside the log, under the pepper's hash of the address, and the
 * salt is destroyed with the account. A salt serves one reservation: once its holder is
 * deleted or it was released, the next registration retires it and starts a new stream, so
 * the cascade's late retirement can never cut off a newer holder.
 */
export class EmailSalts {
  constructor(private readonly store: DataKeyStore) {}

  /** The current reservation stream of `emailHash`; with `create`, a new salt if none. */
  async reservationOf(
    emailHash: string,
    options: { readonly create: boolean },
  ): Promise<EmailReservationStream | null> {
    const subject = SUBJECT_PREFIX + emailHash;
    const salt = options.create
      ? await this.store.create(subject, randomBytes(32).toString('base64'))
      : await this.store.get(subject);
    if (salt === null) return null;
    const streamHash = createHmac('sha256', Buffer.from(salt, 'base64'))
      .update(emailHash)
      .digest('base64url');
    return { stream: `email-${streamHash}`, streamHash, salt };
  }

  /** Destroys this salt unless it was already replaced; its stream can no longer be found. */
  async retire(emailHash: string, reservation: EmailReservationStream): Promise<void> {
    await this.store.destroyIfUnchanged(SUBJECT_PREFIX + emailHash, reservation.salt);
  }
}
