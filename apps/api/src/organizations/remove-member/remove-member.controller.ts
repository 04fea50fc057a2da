import { Controller, Delete, HttpCode, Param } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { EventMetadata } from '@app/event-store/event-store.port';
import { RequestMetadata } from '../../auth/principal';
import { ReadYourWrites } from '../../consistency/read-your-writes';
import type { OrganizationAccess } from '../access/organization-access';
import { CurrentAccess, OrgPermission } from '../access/org-permission.decorator';
import { RemoveMemberCommand } from './remove-member.command';
import { Answers, Operation } from '../../http/openapi';

@ApiTags('members')
@Controller('orgs/:orgId/members/:userId')
export class RemoveMemberController {
  constructor(
    private readonly commands: CommandBus,
    private readonly consistency: ReadYourWrites,
  ) {}

  @Delete()
  @Operation({
    id: 'removeMember',
    summary: 'Remove a member',
    access: 'userOrApiKey',
    errors: [409, 503],
  })
  @Answers(204, undefined, 'Removed; their keys here are revoked.')
  @HttpCode(204)
  @OrgPermission('members:write')
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
