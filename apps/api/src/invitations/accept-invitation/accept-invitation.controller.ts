import { Controller, HttpCode, Param, Post, UseGuards } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiParam, ApiTags } from '@nestjs/swagger';
import type { EventMetadata } from '@app/event-store/event-store.port';
import { CurrentPrincipal, RequestMetadata, type UserPrincipal } from '../../auth/principal';
import { UserSessionGuard } from '../../auth/user-session.guard';
import { ReadYourWrites } from '../../consistency/read-your-writes';
import { AnswerInvitationCommand } from './answer-invitation.command';
import { Answers, Operation } from '../../http/openapi';
import { AcceptedInvitationDto } from '../../organizations/organizations.responses';

@ApiTags('invitations')
@Controller('me/invitations/:invitationId/accept')
@UseGuards(UserSessionGuard)
export class AcceptInvitationController {
  constructor(
    private readonly commands: CommandBus,
    private readonly consistency: ReadYourWrites,
  ) {}

  @Post()
  @HttpCode(200)
  @Operation({
    id: 'acceptInvitation',
    summary: 'Accept an invitation addressed to you',
    description: '404: not addressed to your email, expired, withdrawn, declined or already used.',
    access: 'user',
    errors: [403, 404, 503],
  })
  @ApiParam({ name: 'invitationId', description: 'From GET /me/invitations.' })
  @Answers(200, AcceptedInvitationDto, 'You are a member from now, with the invitation’s role.')
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
