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

/** Finds an account by email through its reservation stream: no read model on the write path. */
@Injectable()
export class AccountDirectory {
  constructor(
    private readonly aggregates: AggregateStore,
    private readonly hasher: SecretHasher,
  ) {}

  /** Emails are trimmed and compared case-insensitively. */
  emailHashOf(email: string): string {
    return this.hasher.hash(EMAIL_PURPOSE, email.trim().toLowerCase());
  }

  async findByEmail(email: string): Promise<AccountState | null> {
    const reservation = await this.aggregates.load(
      emailStream(this.emailHashOf(email)),
      emailDecider,
    );
    const { state } = reservation;
    // A null holder was erased: the address no longer leads anywhere.
    if (state.status !== 'reserved' || state.userId === null) return null;
    return (await this.aggregates.load(accountStream(state.userId), accountDecider)).state;
  }
}
