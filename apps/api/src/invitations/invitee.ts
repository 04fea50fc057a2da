import { Injectable } from '@nestjs/common';
import { accountDecider, AccountNotFound, accountStream } from '@app/domain';
import { AggregateStore } from '@app/event-store/aggregate-store';
import { AccountDirectory } from '../auth/account-directory';

/** Invitations are addressed to an email: the caller is matched by the keyed hash of theirs. */
@Injectable()
export class Invitee {
  constructor(
    private readonly aggregates: AggregateStore,
    private readonly accounts: AccountDirectory,
  ) {}

  async emailHashOf(userId: string): Promise<string> {
    const { state } = await this.aggregates.load(accountStream(userId), accountDecider);
    if (state.status !== 'active' || !state.email) throw new AccountNotFound();
    return this.accounts.emailHashOf(state.email);
  }
}
