import { Body, Controller, Param, Patch } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiConflictResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { EventMetadata } from '@app/event-store/event-store.port';
import { RequestMetadata } from '../../auth/principal';
import { ReadYourWrites } from '../../consistency/read-your-writes';
import type { OrganizationAccess } from '../access/organization-access';
import { CurrentAccess, OrgPermission } from '../access/org-permission.decorator';
import { ChangeMemberRoleCommand } from './change-member-role.command';
import { ChangeMemberRoleDto } from './change-member-role.dto';

@ApiTags('members')
@Controller('orgs/:orgId/members/:userId')
export class ChangeMemberRoleController {
  constructor(
    private readonly commands: CommandBus,
    private readonly consistency: ReadYourWrites,
  ) {}

  @Patch()
  @OrgPermission('members:write')
  @ApiOkResponse({
    description:
      'The new role applies to the member’s very next request; a change of role clears their grants.',
  })
  @ApiConflictResponse({ description: 'The last owner cannot be demoted.' })
  async changeRole(
    @Param('userId') userId: string,
    @Body() body: ChangeMemberRoleDto,
    @CurrentAccess() access: OrganizationAccess,
    @RequestMetadata() metadata: EventMetadata,
  ) {
    const { grants, position } = await this.commands.execute(
      new ChangeMemberRoleCommand(access, userId, body.role, metadata),
    );
    this.consistency.recordWrite(access.userId, position);
    return { userId, role: body.role, grants };
  }
}
