import { Controller, HttpCode, Param, Post, UseGuards } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { EventMetadata } from '@app/event-store/event-store.port';
import { CurrentPrincipal, RequestMetadata, type UserPrincipal } from '../../auth/principal';
import { UserSessionGuard } from '../../auth/user-session.guard';
import { ReadYourWrites } from '../../consistency/read-your-writes';
import { AnswerInvitationCommand } from './answer-invitation.command';

@ApiTags('invitations')
@ApiBearerAuth()
@Controller('me/invitations/:invitationId/accept')
@UseGuards(UserSessionGuard)
export class AcceptInvitationController {
  constructor(
    private readonly commands: CommandBus,
    private readonly consistency: ReadYourWrites,
  ) {}

  @Post()
  @HttpCode(200)
  @ApiOkResponse({ description: 'You are a member from now, with the invitation’s role.' })
  @ApiNotFoundResponse({
    description: 'Not addressed to your email, expired, withdrawn, declined or already used.',
  })
  async accept(
    @Param('invitationId') invitationId: string,
    @CurrentPrincipal() principal: UserPrincipal,
    @RequestMetadata() metadata: EventMetadata,
  ) {
    const result = await this.commands.execute(
      new AnswerInvitationCommand('AcceptInvitation', principal.userId, invitationId, metadata),
    );
    this.consistency.recordWrite(principal.userId, result.position);
    return { organizationId: result.organizationId, role: result.role };
  }
}
