import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { AuthModule } from '../auth/auth.module';
import { ConsistencyModule } from '../consistency/consistency.module';
import { AcceptInvitationController } from './accept-invitation/accept-invitation.controller';
import { AnswerInvitationHandler } from './accept-invitation/answer-invitation.handler';
import { DeclineInvitationController } from './decline-invitation/decline-invitation.controller';
import { Invitee } from './invitee';
import { ListMyInvitationsController } from './list-my-invitations/list-my-invitations.controller';

/** The invitee's side: `/me/invitations`. The organization's side is in OrganizationsModule. */
@Module({
  imports: [CqrsModule, AuthModule, ConsistencyModule],
  controllers: [
    ListMyInvitationsController,
    AcceptInvitationController,
    DeclineInvitationController,
  ],
  providers: [Invitee, AnswerInvitationHandler],
})
export class InvitationsModule {}
