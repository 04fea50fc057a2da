import { Injectable } from '@nestjs/common';
import {
  accountDecider,
  accountStream,
  emailDecider,
  emailStream,
  type AccountState,
} from '@app/domain';
import { AggregateStore } from '@app/event-store/aggregate-store';
import { SecretHasher } from '@app/platform/credentials/secret-hasher';
import { EMAIL_PURPOSE } from '@app/platform/credentials/session-token';
import { EmailSalts } from '@app/platform/personal-data/email-salts';

/**
 * Finds an account by email through its reservation stream: no read model on the write path.
 * The stream is the salted one (see EmailSalts) or, for accounts registered before salts,
 * `email-{hmac(email)}`.
 */
@Injectable()
export class AccountDirectory {
  constructor(
    private readonly aggregates: AggregateStore,
    private readonly hasher: SecretHasher,
    private readonly salts: EmailSalts,
  ) {}

  /** Emails are trimmed and compared case-insensitively. */
  emailHashOf(email: string): string {
    return this.hasher.hash(EMAIL_PURPOSE, email.trim().toLowerCase());
  }

  /** The account holding the address, whatever its status, or null. */
  async findByEmail(email: string): Promise<AccountState | null> {
    const emailHash = this.emailHashOf(email);
    const salted = await this.salts.reservationOf(emailHash, { create: false });
    let found: AccountState | null = null;
    for (const stream of [salted?.stream, emailStream(emailHash)]) {
      if (stream === undefined) continue;
      const holder = await this.holderOf(stream);
      if (holder?.status === 'active') return holder;
      found ??= holder;
    }
    return found;
  }

  /** The account whose user id a reservation stream holds; null if none (or erased). */
  async holderOf(stream: string): Promise<AccountState | null> {
    const { state } = await this.aggregates.load(stream, emailDecider);
    if (state.status !== 'reserved' || state.userId === null) return null;
    return (await this.aggregates.load(accountStream(state.userId), accountDecider)).state;
  }
}
