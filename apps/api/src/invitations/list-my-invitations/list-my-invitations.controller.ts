import { Controller, Get, UseGuards } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type UserPrincipal } from '../../auth/principal';
import { UserSessionGuard } from '../../auth/user-session.guard';
import { ListInvitationsQuery } from '../../organizations/list-invitations/list-invitations.query';
import { Invitee } from '../invitee';

@ApiTags('invitations')
@ApiBearerAuth()
@Controller('me/invitations')
@UseGuards(UserSessionGuard)
export class ListMyInvitationsController {
  constructor(
    private readonly queries: QueryBus,
    private readonly invitee: Invitee,
  ) {}

  @Get()
  @ApiOkResponse({ description: 'Pending invitations addressed to your email, oldest first.' })
  async list(@CurrentPrincipal() principal: UserPrincipal) {
    const emailHash = await this.invitee.emailHashOf(principal.userId);
    const invitations = await this.queries.execute(
      new ListInvitationsQuery({ emailHash }, principal.userId),
    );
    return {
      items: invitations.map(({ id, organizationId, organizationName, role, expiresAt }) => ({
        invitationId: id,
        organizationId,
        organizationName,
        role,
        expiresAt,
      })),
    };
  }
}
