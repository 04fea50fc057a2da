import { Controller, Get, NotFoundException, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { OrganizationAccess } from '../../organizations/access/organization-access';
import { CurrentAccess, OrgPermission } from '../../organizations/access/org-permission.decorator';
import { ListApiKeysQuery } from '../list-api-keys/list-api-keys.query';
import { Answers, Operation } from '../../http/openapi';
import { ApiKeyDetailDto } from '../api-keys.responses';

@ApiTags('api keys')
@Controller('orgs/:orgId/api-keys/:keyId')
export class GetApiKeyController {
  constructor(private readonly queries: QueryBus) {}

  /** One of your keys, with what it may do right now: your own effective permissions here. */
  @Get()
  @Operation({
    id: 'getApiKey',
    summary: 'Read one of your API keys',
    access: 'userOrApiKey',
    errors: [503],
  })
  @Answers(200, ApiKeyDetailDto, 'The row plus ownerId and the permissions the key acts with now.')
  @OrgPermission('api_keys:read', { despiteDisabledFeatures: true })
  async get(@Param('keyId') keyId: string, @CurrentAccess() access: OrganizationAccess) {
    const rows = await this.queries.execute(
      new ListApiKeysQuery(access.organization.organizationId, access.userId, access.userId),
    );
    const row = rows.find((candidate) => candidate.id === keyId);
    if (!row) throw new NotFoundException();
    return { ...row, ownerId: access.userId, permissions: access.permissions };
  }
}
