import { Controller, Delete, HttpCode, Param } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiNoContentResponse, ApiTags } from '@nestjs/swagger';
import type { EventMetadata } from '@app/event-store/event-store.port';
import { RequestMetadata } from '../../auth/principal';
import { ReadYourWrites } from '../../consistency/read-your-writes';
import type { OrganizationAccess } from '../../organizations/access/organization-access';
import { CurrentAccess, OrgPermission } from '../../organizations/access/org-permission.decorator';
import { DeleteApiKeyCommand } from './delete-api-key.command';

@ApiTags('api keys')
@Controller('orgs/:orgId/api-keys/:keyId')
export class DeleteApiKeyController {
  constructor(
    private readonly commands: CommandBus,
    private readonly consistency: ReadYourWrites,
  ) {}

  @Delete()
  @HttpCode(204)
  @OrgPermission('org:read', { usersOnly: true })
  @ApiNoContentResponse({
    description:
      'Revoked: every integration using it is refused from its next request. Your own key whatever your role (even with API keys disabled); any key of the organization with members:write. 404 for a key you may not revoke.',
  })
  async delete(
    @Param('keyId') keyId: string,
    @CurrentAccess() access: OrganizationAccess,
    @RequestMetadata() metadata: EventMetadata,
  ) {
    const command = new DeleteApiKeyCommand(
      access.organization.organizationId,
      access.userId,
      access.permissions.includes('members:write'),
      keyId,
      metadata,
    );
    const { position } = await this.commands.execute(command);
    this.consistency.recordWrite(access.userId, position);
  }
}
