import { Controller, Delete, HttpCode, Param } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { EventMetadata } from '@app/event-store/event-store.port';
import { RequestMetadata } from '../../auth/principal';
import { ReadYourWrites } from '../../consistency/read-your-writes';
import type { OrganizationAccess } from '../../organizations/access/organization-access';
import { CurrentAccess, OrgPermission } from '../../organizations/access/org-permission.decorator';
import { DeleteApiKeyCommand } from './delete-api-key.command';
import { Answers, Operation } from '../../http/openapi';

@ApiTags('api keys')
@Controller('orgs/:orgId/api-keys/:keyId')
export class DeleteApiKeyController {
  constructor(
    private readonly commands: CommandBus,
    private readonly consistency: ReadYourWrites,
  ) {}

  @Delete()
  @Operation({ id: 'deleteApiKey', summary: 'Delete an API key', access: 'user' })
  @Answers(204, undefined, 'Deleted; rejected from its very next use.')
  @HttpCode(204)
  @OrgPermission('org:read', { usersOnly: true })
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
