import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AggregateStore } from '@app/event-store/aggregate-store';
import { runAsMember } from '../access/run-as-member';
import { RemoveMemberCommand } from './remove-member.command';

@CommandHandler(RemoveMemberCommand)
export class RemoveMemberHandler implements ICommandHandler<RemoveMemberCommand> {
  constructor(private readonly aggregates: AggregateStore) {}

  async execute({ access, userId, metadata }: RemoveMemberCommand) {
    const result = await runAsMember(
      this.aggregates,
      access,
      'members:write',
      metadata,
      (context) => ({
        type: 'RemoveMember',
        data: { ...context, userId, reason: 'removed' },
      }),
    );
    return { position: result.position };
  }
}
