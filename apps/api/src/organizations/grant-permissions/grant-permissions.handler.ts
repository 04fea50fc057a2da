import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  MemberNotFound,
  organizationDecider,
  organizationStream,
  permissionsOf,
} from '@app/domain';
import { AggregateStore } from '@app/event-store/aggregate-store';
import { GrantPermissionsCommand } from './grant-permissions.command';

@CommandHandler(GrantPermissionsCommand)
export class GrantPermissionsHandler implements ICommandHandler<GrantPermissionsCommand> {
  constructor(private readonly aggregates: AggregateStore) {}

  async execute({ access, userId, permissions, metadata }: GrantPermissionsCommand) {
    const { organizationId } = access.organization;
    const requester = { userId: access.userId, permissions: access.permissions };
    const now = new Date().toISOString();
    const result = await this.aggregates.handle(
      organizationStream(organizationId),
      organizationDecider,
      () => ({
        type: 'GrantMemberPermissions' as const,
        data: { organizationId, userId, permissions, requester, now },
      }),
      { metadata },
    );
    const member = result.state.status === 'active' ? result.state.members[userId] : undefined;
    if (!member) throw new MemberNotFound();
    return {
      role: member.role,
      granted: member.granted,
      permissions: permissionsOf(result.state, userId) ?? [],
      position: result.position,
    };
  }
}
