import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiConflictResponse, ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import type { EventMetadata } from '@app/event-store/event-store.port';
import { RequestMetadata } from '../../auth/principal';
import { ReadYourWrites } from '../../consistency/read-your-writes';
import type { OrganizationAccess } from '../access/organization-access';
import { CurrentAccess, OrgPermission } from '../access/org-permission.decorator';
import { InviteMemberCommand } from './invite-member.command';
import { InviteMemberDto } from './invite-member.dto';

@ApiTags('invitations')
@Controller('orgs/:orgId/invitations')
export class InviteMemberController {
  constructor(
    private readonly commands: CommandBus,
    private readonly consistency: ReadYourWrites,
  ) {}

  @Post()
  @HttpCode(201)
  @OrgPermission('members:write')
  @ApiCreatedResponse({
    description:
      'Invited, whether or not an account has the email; valid 7 days. The person becomes a member only by accepting. 403 for a role beyond your own.',
  })
  @ApiConflictResponse({ description: 'Already a member, or already invited.' })
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
