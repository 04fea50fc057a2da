import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { MemberNotFound, membershipOf, permissionsOf } from '@app/domain';
import { AggregateStore } from '@app/event-store/aggregate-store';
import { runAsMember } from '../access/run-as-member';
import { GrantPermissionsCommand } from './grant-permissions.command';

@CommandHandler(GrantPermissionsCommand)
export class GrantPermissionsHandler implements ICommandHandler<GrantPermissionsCommand> {
  constructor(private readonly aggregates: AggregateStore) {}

  async execute({ access, userId, permissions, metadata }: GrantPermissionsCommand) {
    const result = await runAsMember(
      this.aggregates,
      access,
      'members:write',
      metadata,
      (context) => ({
        type: 'GrantMemberPermissions',
        data: { ...context, userId, permissions },
      }),
    );
    const member = membershipOf(result.state, userId);
    if (!member) throw new MemberNotFound();
    return {
      role: member.role,
      granted: member.granted,
      permissions: permissionsOf(result.state, userId) ?? [],
      position: result.position,
    };
  }
}
