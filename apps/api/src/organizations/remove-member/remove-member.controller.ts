import { Controller, Delete, HttpCode, Param } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiConflictResponse, ApiNoContentResponse, ApiTags } from '@nestjs/swagger';
import type { EventMetadata } from '@app/event-store/event-store.port';
import { RequestMetadata } from '../../auth/principal';
import { ReadYourWrites } from '../../consistency/read-your-writes';
import type { OrganizationAccess } from '../access/organization-access';
import { CurrentAccess, OrgPermission } from '../access/org-permission.decorator';
import { RemoveMemberCommand } from './remove-member.command';

@ApiTags('members')
@Controller('orgs/:orgId/members/:userId')
export class RemoveMemberController {
  constructor(
    private readonly commands: CommandBus,
    private readonly consistency: ReadYourWrites,
  ) {}

  @Delete()
  @HttpCode(204)
  @OrgPermission('members:write')
  @ApiNoContentResponse({
    description: 'Removed: their access, and their API keys here, end at once.',
  })
  @ApiConflictResponse({ description: 'The last owner cannot be removed.' })
  async remove(
    @Param('userId') userId: string,
    @CurrentAccess() access: OrganizationAccess,
    @RequestMetadata() metadata: EventMetadata,
  ) {
    const { position } = await this.commands.execute(
      new RemoveMemberCommand(access, userId, metadata),
    );
    this.consistency.recordWrite(access.userId, position);
  }
}
