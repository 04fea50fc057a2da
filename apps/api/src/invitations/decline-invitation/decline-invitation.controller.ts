import { Controller, HttpCode, Param, Post, UseGuards } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiParam, ApiTags } from '@nestjs/swagger';
import type { EventMetadata } from '@app/event-store/event-store.port';
import { CurrentPrincipal, RequestMetadata, type UserPrincipal } from '../../auth/principal';
import { UserSessionGuard } from '../../auth/user-session.guard';
import { ReadYourWrites } from '../../consistency/read-your-writes';
import { AnswerInvitationCommand } from '../accept-invitation/answer-invitation.command';
import { Answers, Operation } from '../../http/openapi';

@ApiTags('invitations')
@Controller('me/invitations/:invitationId/decline')
@UseGuards(UserSessionGuard)
export class DeclineInvitationController {
  constructor(
    private readonly commands: CommandBus,
    private readonly consistency: ReadYourWrites,
  ) {}

  @Post()
  @HttpCode(204)
  @Operation({
    id: 'declineInvitation',
    summary: 'Decline an invitation addressed to you',
    description: '404: no open invitation with this id addressed to your email.',
    access: 'user',
    errors: [403, 404, 503],
  })
  @ApiParam({ name: 'invitationId', description: 'From GET /me/invitations.' })
  @Answers(204, undefined, 'Declined: it can no longer be accepted.')
  async decline(
    @Param('invitationId') invitationId: string,
    @CurrentPrincipal() principal: UserPrincipal,
    @RequestMetadata() metadata: EventMetadata,
  ) {
    const result = await this.commands.execute(
      new AnswerInvitationCommand('DeclineInvitation', principal.userId, invitationId, metadata),
    );
    this.consistency.recordWrite(principal.userId, result.position);
  }
}
