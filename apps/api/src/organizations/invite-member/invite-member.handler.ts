import { randomUUID } from 'node:crypto';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AggregateStore } from '@app/event-store/aggregate-store';
import { AccountDirectory } from '../../auth/account-directory';
import { runAsMember } from '../access/run-as-member';
import { invitationIdFor } from '../invitation-id';
import { InviteMemberCommand } from './invite-member.command';

/**
 * Invites an email. Whether an account has it changes nothing in the answer (the account is
 * looked up only so that an existing member cannot be invited twice), and nothing about the
 * invitee but the address is shown before they accept.
 */
@CommandHandler(InviteMemberCommand)
export class InviteMemberHandler implements ICommandHandler<InviteMemberCommand> {
  constructor(
    private readonly aggregates: AggregateStore,
    private readonly accounts: AccountDirectory,
  ) {}

  async execute({ access, email, role, metadata }: InviteMemberCommand) {
    const account = await this.accounts.findByEmail(email);
    const inviteeUserId = account?.status === 'active' ? account.userId : null;
    const invitationId = invitationIdFor(access.organization.organizationId, randomUUID());
    const emailHash = this.accounts.emailHashOf(email);
    const result = await runAsMember(
      this.aggregates,
      access,
      'members:write',
      metadata,
      (context) => ({
        type: 'InviteMember',
        data: { ...context, invitationId, email, emailHash, role, inviteeUserId },
      }),
    );
    const invited = result.events.find((event) => event.type === 'MemberInvited');
    if (invited?.type !== 'MemberInvited') throw new Error('InviteMember recorded no invitation');
    const { invitedAt: createdAt, expiresAt } = invited.data;
    return { invitationId, email, role, createdAt, expiresAt, position: result.position };
  }
}
