import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { organizationDecider, organizationStream } from '@app/domain';
import { AggregateStore } from '@app/event-store/aggregate-store';
import { RemoveMemberCommand } from './remove-member.command';

@CommandHandler(RemoveMemberCommand)
export class RemoveMemberHandler implements ICommandHandler<RemoveMemberCommand> {
  constructor(private readonly aggregates: AggregateStore) {}

  async execute({ access, userId, metadata }: RemoveMemberCommand) {
    const { organizationId } = access.organization;
    const requester = { userId: access.userId, permissions: access.permissions };
    const now = new Date().toISOString();
    const result = await this.aggregates.handle(
      organizationStream(organizationId),
      organizationDecider,
      () => ({
        type: 'RemoveMember' as const,
        data: { organizationId, userId, reason: 'removed' as const, requester, now },
      }),
      { metadata },
    );
    return { position: result.position };
  }
}
