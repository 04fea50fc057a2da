import { Controller, Delete, HttpCode, Param } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiNoContentResponse, ApiTags } from '@nestjs/swagger';
import type { EventMetadata } from '@app/event-store/event-store.port';
import { RequestMetadata } from '../../auth/principal';
import { ReadYourWrites } from '../../consistency/read-your-writes';
import type { OrganizationAccess } from '../access/organization-access';
import { CurrentAccess, OrgPermission } from '../access/org-permission.decorator';
import { WithdrawInvitationCommand } from './withdraw-invitation.command';

@ApiTags('invitations')
@Controller('orgs/:orgId/invitations/:invitationId')
export class WithdrawInvitationController {
  constructor(
    private readonly commands: CommandBus,
    private readonly consistency: ReadYourWrites,
  ) {}

  @Delete()
  @HttpCode(204)
  @OrgPermission('members:write')
  @ApiNoContentResponse({ description: 'Withdrawn: it can no longer be accepted.' })
  async withdraw(
    @Param('invitationId') invitationId: string,
    @CurrentAccess() access: OrganizationAccess,
    @RequestMetadata() metadata: EventMetadata,
  ) {
    const { position } = await this.commands.execute(
      new WithdrawInvitationCommand(access, invitationId, metadata),
    );
    this.consistency.recordWrite(access.userId, position);
  }
}
