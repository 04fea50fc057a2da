import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { accountDecider, accountStream, AccountNotFound } from '@app/domain';
import { AggregateStore } from '@app/event-store/aggregate-store';
import { ChangeNameCommand } from './change-name.command';

@CommandHandler(ChangeNameCommand)
export class ChangeNameHandler implements ICommandHandler<ChangeNameCommand> {
  constructor(private readonly aggregates: AggregateStore) {}

  async execute({ userId, names, expectedRevision, metadata }: ChangeNameCommand) {
    const now = new Date().toISOString();
    const result = await this.aggregates.handle(
      accountStream(userId),
      accountDecider,
      () => ({ type: 'ChangeName' as const, data: { userId, ...names, now } }),
      { expectedRevision, metadata },
    );
    if (result.state.status !== 'active' || result.revision === null) throw new AccountNotFound();
    return { account: result.state, revision: result.revision, position: result.position };
  }
}
