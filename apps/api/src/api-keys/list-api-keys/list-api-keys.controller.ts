import { Controller, Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { OrganizationAccess } from '../../organizations/access/organization-access';
import { CurrentAccess, OrgPermission } from '../../organizations/access/org-permission.decorator';
import { ListApiKeysQuery } from './list-api-keys.query';

@ApiTags('api keys')
@Controller('orgs/:orgId/api-keys')
export class ListApiKeysController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @OrgPermission('api_keys:read')
  @ApiOkResponse({ description: 'Your keys in this organization, newest first, masked.' })
  async list(@CurrentAccess() access: OrganizationAccess) {
    return {
      items: await this.queries.execute(
        new ListApiKeysQuery(access.organization.organizationId, access.userId),
      ),
    };
  }
}
