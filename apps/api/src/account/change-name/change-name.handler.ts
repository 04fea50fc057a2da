import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { accountDecider, accountStream, AccountNotFound } from '@app/domain';
import { AggregateStore } from '@app/event-store/aggregate-store';
import { ChangeNameCommand } from './change-name.command';

/**
 * `If-Match` is the profile revision, checked by the decider. The append still expects the
 * stream revision it loaded, without the client's value: a concurrent unrelated event (a
 * login's spent code, a password change) is a conflict the store retries, and the retry's
 * decision answers 412 only if a rename moved the profile revision meanwhile.
 */
@CommandHandler(ChangeNameCommand)
export class ChangeNameHandler implements ICommandHandler<ChangeNameCommand> {
  constructor(private readonly aggregates: AggregateStore) {}

  async execute({ userId, names, expectedProfileRevision, metadata }: ChangeNameCommand) {
    const now = new Date().toISOString();
    const result = await this.aggregates.handle(
      accountStream(userId),
      accountDecider,
      () => ({
        type: 'ChangeName' as const,
        data: { userId, ...names, expectedProfileRevision, now },
      }),
      { metadata },
    );
    if (result.state.status !== 'active' || result.revision === null) throw new AccountNotFound();
    return {
      account: result.state,
      profileRevision: result.state.profileRevision,
      position: result.position,
    };
  }
}
