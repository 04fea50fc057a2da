import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { membershipOf } from '@app/domain';
import { AggregateStore } from '@app/event-store/aggregate-store';
import { runAsMember } from '../access/run-as-member';
import { ChangeMemberRoleCommand } from './change-member-role.command';

@CommandHandler(ChangeMemberRoleCommand)
export class ChangeMemberRoleHandler implements ICommandHandler<ChangeMemberRoleCommand> {
  constructor(private readonly aggregates: AggregateStore) {}

  async execute({ access, userId, role, metadata }: ChangeMemberRoleCommand) {
    const result = await runAsMember(
      this.aggregates,
      access,
      'members:write',
      metadata,
      (context) => ({
        type: 'ChangeMemberRole',
        data: { ...context, userId, role },
      }),
    );
    const grants = membershipOf(result.state, userId)?.granted ?? [];
    return { grants, position: result.position };
  }
}
