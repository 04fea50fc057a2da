import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AggregateStore } from '@app/event-store/aggregate-store';
import { DataKeyRing } from '@app/platform/personal-data/data-key-ring';
import { runAsMember } from '../access/run-as-member';
import { WithdrawInvitationCommand } from './withdraw-invitation.command';

@CommandHandler(WithdrawInvitationCommand)
export class WithdrawInvitationHandler implements ICommandHandler<WithdrawInvitationCommand> {
  constructor(
    private readonly aggregates: AggregateStore,
    private readonly keyRing: DataKeyRing,
  ) {}

  async execute({ access, invitationId, metadata }: WithdrawInvitationCommand) {
    const result = await runAsMember(
      this.aggregates,
      access,
      'members:write',
      metadata,
      (context) => ({ type: 'WithdrawInvitation', data: { ...context, invitationId } }),
    );
    // Closed: the reactor destroys its data key; this process stops holding it now.
    this.keyRing.forget(invitationId);
    return { position: result.position };
  }
}
