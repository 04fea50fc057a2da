import { Controller, ForbiddenException, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { OrganizationAccess } from '../../organizations/access/organization-access';
import { CurrentAccess, OrgPermission } from '../../organizations/access/org-permission.decorator';
import { ListApiKeysDto } from './list-api-keys.dto';
import { ListApiKeysQuery } from './list-api-keys.query';
import { Answers, Operation } from '../../http/openapi';
import { ApiKeyListDto } from '../api-keys.responses';

@ApiTags('api keys')
@Controller('orgs/:orgId/api-keys')
export class ListApiKeysController {
  constructor(private readonly queries: QueryBus) {}

  /**
   * Your own keys need api_keys:read from your role or grants (even while API keys are
   * disabled: a member can still see what they may delete); every key needs members:write.
   */
  @Get()
  @Operation({
    id: 'listApiKeys',
    summary: 'List your API keys in an organization',
    access: 'userOrApiKey',
    errors: [503],
  })
  @Answers(200, ApiKeyListDto, 'Your keys in this organization, newest first, masked.')
  @OrgPermission('org:read')
  // A DTO: the query's one rule (`owner` is `all` or absent) is validated and documented at once.
  async list(@CurrentAccess() access: OrganizationAccess, @Query() query: ListApiKeysDto) {
    const { owner } = query;
    const needed = owner === 'all' ? 'members:write' : 'api_keys:read';
    const held = owner === 'all' ? access.permissions : access.held;
    if (!held.includes(needed))
      throw new ForbiddenException(`This needs the ${needed} permission in this organization.`);
    const { organizationId } = access.organization;
    const ownerId = owner === 'all' ? null : access.userId;
    return {
      items: await this.queries.execute(
        new ListApiKeysQuery(organizationId, ownerId, access.userId),
      ),
    };
  }
}
