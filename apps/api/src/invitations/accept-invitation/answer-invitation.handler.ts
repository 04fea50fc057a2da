import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  InvitationNotFound,
  membershipOf,
  organizationDecider,
  organizationStream,
} from '@app/domain';
import { AggregateStore } from '@app/event-store/aggregate-store';
import { DataKeyRing } from '@app/platform/personal-data/data-key-ring';
import { organizationOfInvitation } from '../../organizations/invitation-id';
import { Invitee } from '../invitee';
import { AnswerInvitationCommand } from './answer-invitation.command';

/** Decided on the organization's stream: whether it is open and addressed to the caller. */
@CommandHandler(AnswerInvitationCommand)
export class AnswerInvitationHandler implements ICommandHandler<AnswerInvitationCommand> {
  constructor(
    private readonly aggregates: AggregateStore,
    private readonly invitee: Invitee,
    private readonly keyRing: DataKeyRing,
  ) {}

  async execute({ answer, userId, invitationId, metadata }: AnswerInvitationCommand) {
    const organizationId = organizationOfInvitation(invitationId);
    if (!organizationId) throw new InvitationNotFound();
    const emailHash = await this.invitee.emailHashOf(userId);
    const now = new Date().toISOString();
    const result = await this.aggregates.handle(
      organizationStream(organizationId),
      organizationDecider,
      () => ({ type: answer, data: { organizationId, invitationId, userId, emailHash, now } }),
      { metadata },
    );
    // Closed: the reactor destroys its data key; this process stops holding it now.
    this.keyRing.forget(invitationId);
    const role =
      answer === 'AcceptInvitation' ? (membershipOf(result.state, userId)?.role ?? null) : null;
    return { organizationId, role, position: result.position };
  }
}
