import { Controller, Get, UseGuards } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type UserPrincipal } from '../../auth/principal';
import { UserSessionGuard } from '../../auth/user-session.guard';
import { ListInvitationsQuery } from '../../organizations/list-invitations/list-invitations.query';
import { Invitee } from '../invitee';
import { Answers, Operation } from '../../http/openapi';
import { MyInvitationListDto } from '../../organizations/organizations.responses';

@ApiTags('invitations')
@Controller('me/invitations')
@UseGuards(UserSessionGuard)
export class ListMyInvitationsController {
  constructor(
    private readonly queries: QueryBus,
    private readonly invitee: Invitee,
  ) {}

  @Get()
  @Operation({
    id: 'listMyInvitations',
    summary: 'List the invitations addressed to you',
    access: 'user',
    errors: [403, 503],
  })
  @Answers(200, MyInvitationListDto, 'Pending invitations addressed to your email, oldest first.')
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
