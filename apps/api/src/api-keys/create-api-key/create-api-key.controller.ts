import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { EventMetadata } from '@app/event-store/event-store.port';
import { RequestMetadata } from '../../auth/principal';
import { ReadYourWrites } from '../../consistency/read-your-writes';
import type { OrganizationAccess } from '../../organizations/access/organization-access';
import { CurrentAccess, OrgPermission } from '../../organizations/access/org-permission.decorator';
import { CreateApiKeyCommand } from './create-api-key.command';
import { CreateApiKeyDto } from './create-api-key.dto';
import { NoStore } from '../../http/no-store';
import { Answers, Operation } from '../../http/openapi';
import { IssuedApiKeyDto } from '../api-keys.responses';

@ApiTags('api keys')
@Controller('orgs/:orgId/api-keys')
export class CreateApiKeyController {
  constructor(
    private readonly commands: CommandBus,
    private readonly consistency: ReadYourWrites,
  ) {}

  @Post()
  @Operation({ id: 'createApiKey', summary: 'Create an API key', access: 'user', errors: [503] })
  @Answers(201, IssuedApiKeyDto, 'The key, shown this once: copy it now. Valid for one year.')
  @HttpCode(201)
  @NoStore()
  @OrgPermission('api_keys:write', { usersOnly: true })
  async create(
    @Body() body: CreateApiKeyDto,
    @CurrentAccess() access: OrganizationAccess,
    @RequestMetadata() metadata: EventMetadata,
  ) {
    const { organizationId } = access.organization;
    const { position, ...issued } = await this.commands.execute(
      new CreateApiKeyCommand(organizationId, access.userId, body.description, metadata),
    );
    this.consistency.recordWrite(access.userId, position);
    return { ...issued, status: 'active' as const };
  }
}
