import { Controller, Delete, HttpCode, Param } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiParam, ApiTags } from '@nestjs/swagger';
import type { EventMetadata } from '@app/event-store/event-store.port';
import { RequestMetadata } from '../../auth/principal';
import { ReadYourWrites } from '../../consistency/read-your-writes';
import type { OrganizationAccess } from '../access/organization-access';
import { CurrentAccess, OrgPermission } from '../access/org-permission.decorator';
import { WithdrawInvitationCommand } from './withdraw-invitation.command';
import { Answers, Operation } from '../../http/openapi';

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
  @Operation({
    id: 'withdrawInvitation',
    summary: 'Withdraw a pending invitation',
    access: 'userOrApiKey',
    errors: [503],
  })
  @ApiParam({ name: 'invitationId', description: 'From GET /orgs/{orgId}/invitations.' })
  @Answers(204, undefined, 'Withdrawn: it can no longer be accepted.')
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
