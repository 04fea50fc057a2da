import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { organizationDecider, organizationStream } from '@app/domain';
import { AggregateStore } from '@app/event-store/aggregate-store';
import { ChangeMemberRoleCommand } from './change-member-role.command';

@CommandHandler(ChangeMemberRoleCommand)
export class ChangeMemberRoleHandler implements ICommandHandler<ChangeMemberRoleCommand> {
  constructor(private readonly aggregates: AggregateStore) {}

  async execute({ access, userId, role, metadata }: ChangeMemberRoleCommand) {
    const { organizationId } = access.organization;
    const requester = { userId: access.userId, permissions: access.permissions };
    const now = new Date().toISOString();
    const result = await this.aggregates.handle(
      organizationStream(organizationId),
      organizationDecider,
      () => ({
        type: 'ChangeMemberRole' as const,
        data: { organizationId, userId, role, requester, now },
      }),
      { metadata },
    );
    return { position: result.position };
  }
}
