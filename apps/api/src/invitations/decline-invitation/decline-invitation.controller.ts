import { Controller, HttpCode, Param, Post, UseGuards } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiNoContentResponse, ApiNotFoundResponse, ApiTags } from '@nestjs/swagger';
import type { EventMetadata } from '@app/event-store/event-store.port';
import { CurrentPrincipal, RequestMetadata, type UserPrincipal } from '../../auth/principal';
import { UserSessionGuard } from '../../auth/user-session.guard';
import { ReadYourWrites } from '../../consistency/read-your-writes';
import { AnswerInvitationCommand } from '../accept-invitation/answer-invitation.command';

@ApiTags('invitations')
@ApiBearerAuth()
@Controller('me/invitations/:invitationId/decline')
@UseGuards(UserSessionGuard)
export class DeclineInvitationController {
  constructor(
    private readonly commands: CommandBus,
    private readonly consistency: ReadYourWrites,
  ) {}

  @Post()
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Declined: it can no longer be accepted.' })
  @ApiNotFoundResponse({ description: 'No open invitation addressed to your email.' })
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
