import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { EventMetadata } from '@app/event-store/event-store.port';
import { RequestMetadata } from '../../auth/principal';
import { ReadYourWrites } from '../../consistency/read-your-writes';
import type { OrganizationAccess } from '../access/organization-access';
import { CurrentAccess, OrgPermission } from '../access/org-permission.decorator';
import { InviteMemberCommand } from './invite-member.command';
import { InviteMemberDto } from './invite-member.dto';
import { Answers, Operation } from '../../http/openapi';
import { InvitationDto } from '../organizations.responses';

@ApiTags('invitations')
@Controller('orgs/:orgId/invitations')
export class InviteMemberController {
  constructor(
    private readonly commands: CommandBus,
    private readonly consistency: ReadYourWrites,
  ) {}

  @Post()
  @Operation({
    id: 'inviteMember',
    summary: 'Invite someone to the organization',
    access: 'userOrApiKey',
    errors: [403, 409, 503],
  })
  @Answers(
    201,
    InvitationDto,
    'Invited, whether or not an account has this email; expires in 7 days.',
  )
  @HttpCode(201)
  @OrgPermission('members:write')
  async invite(
    @Body() body: InviteMemberDto,
    @CurrentAccess() access: OrganizationAccess,
    @RequestMetadata() metadata: EventMetadata,
  ) {
    const { position, ...invitation } = await this.commands.execute(
      new InviteMemberCommand(access, body.email, body.role, metadata),
    );
    this.consistency.recordWrite(access.userId, position);
    return invitation;
  }
}
