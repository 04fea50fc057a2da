import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AggregateStore } from '@app/event-store/aggregate-store';
import { runAsMember } from '../access/run-as-member';
import { WithdrawInvitationCommand } from './withdraw-invitation.command';

@CommandHandler(WithdrawInvitationCommand)
export class WithdrawInvitationHandler implements ICommandHandler<WithdrawInvitationCommand> {
  constructor(private readonly aggregates: AggregateStore) {}

  async execute({ access, invitationId, metadata }: WithdrawInvitationCommand) {
    const result = await runAsMember(
      this.aggregates,
      access,
      'members:write',
      metadata,
      (context) => ({ type: 'WithdrawInvitation', data: { ...context, invitationId } }),
    );
    return { position: result.position };
  }
}
