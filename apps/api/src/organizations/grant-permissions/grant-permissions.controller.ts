import { Body, Controller, Param, Put } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { EventMetadata } from '@app/event-store/event-store.port';
import { RequestMetadata } from '../../auth/principal';
import { ReadYourWrites } from '../../consistency/read-your-writes';
import type { OrganizationAccess } from '../access/organization-access';
import { CurrentAccess, OrgPermission } from '../access/org-permission.decorator';
import { GrantPermissionsCommand } from './grant-permissions.command';
import { GrantPermissionsDto } from './grant-permissions.dto';
import { Answers, Operation } from '../../http/openapi';
import { MemberGrantsDto } from '../organizations.responses';

@ApiTags('members')
@Controller('orgs/:orgId/members/:userId/grants')
export class GrantPermissionsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly consistency: ReadYourWrites,
  ) {}

  @Put()
  @Operation({
    id: 'grantPermissions',
    summary: 'Set a member’s extra permissions',
    access: 'userOrApiKey',
    errors: [503],
  })
  @Answers(200, MemberGrantsDto, 'The member’s role, grants and effective permissions.')
  @OrgPermission('members:write')
  async grant(
    @Param('userId') userId: string,
    @Body() body: GrantPermissionsDto,
    @CurrentAccess() access: OrganizationAccess,
    @RequestMetadata() metadata: EventMetadata,
  ) {
    const result = await this.commands.execute(
      new GrantPermissionsCommand(access, userId, body.permissions, metadata),
    );
    this.consistency.recordWrite(access.userId, result.position);
    return { userId, role: result.role, granted: result.granted, permissions: result.permissions };
  }
}
