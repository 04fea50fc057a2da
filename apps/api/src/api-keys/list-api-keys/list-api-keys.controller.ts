import { Controller, Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { OrganizationAccess } from '../../organizations/access/organization-access';
import { CurrentAccess, OrgPermission } from '../../organizations/access/org-permission.decorator';
import { ListApiKeysQuery } from './list-api-keys.query';
import { Answers, Operation } from '../../http/openapi';
import { ApiKeyListDto } from '../api-keys.responses';

@ApiTags('api keys')
@Controller('orgs/:orgId/api-keys')
export class ListApiKeysController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Operation({
    id: 'listApiKeys',
    summary: 'List your API keys in an organization',
    access: 'userOrApiKey',
    errors: [503],
  })
  @Answers(200, ApiKeyListDto, 'Your keys in this organization, newest first, masked.')
  @OrgPermission('api_keys:read')
  async list(@CurrentAccess() access: OrganizationAccess) {
    return {
      items: await this.queries.execute(
        new ListApiKeysQuery(access.organization.organizationId, access.userId),
      ),
    };
  }
}
