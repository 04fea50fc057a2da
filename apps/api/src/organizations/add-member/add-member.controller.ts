import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiConflictResponse, ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import type { EventMetadata } from '@app/event-store/event-store.port';
import { RequestMetadata } from '../../auth/principal';
import { ReadYourWrites } from '../../consistency/read-your-writes';
import type { OrganizationAccess } from '../access/organization-access';
import { CurrentAccess, OrgPermission } from '../access/org-permission.decorator';
import { AddMemberCommand } from './add-member.command';
import { AddMemberDto } from './add-member.dto';

@ApiTags('members')
@Controller('orgs/:orgId/members')
export class AddMemberController {
  constructor(
    private readonly commands: CommandBus,
    private readonly consistency: ReadYourWrites,
  ) {}

  @Post()
  @HttpCode(201)
  @OrgPermission('members:write')
  @ApiCreatedResponse({
    description: 'Added. 404 if no account has the email; 403 for a role beyond your own.',
  })
  @ApiConflictResponse({ description: 'Already a member.' })
  async add(
    @Body() body: AddMemberDto,
    @CurrentAccess() access: OrganizationAccess,
    @RequestMetadata() metadata: EventMetadata,
  ) {
    const result = await this.commands.execute(
      new AddMemberCommand(access, body.email, body.role, metadata),
    );
    this.consistency.recordWrite(access.userId, result.position);
    return { userId: result.userId, email: result.email, role: body.role };
  }
}
