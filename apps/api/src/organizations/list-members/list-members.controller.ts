import { Controller, Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { OrganizationAccess } from '../access/organization-access';
import { CurrentAccess, OrgPermission } from '../access/org-permission.decorator';
import { ListMembersQuery } from './list-members.query';

@ApiTags('members')
@Controller('orgs/:orgId/members')
export class ListMembersController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @OrgPermission('members:read')
  @ApiOkResponse({ description: 'The members, oldest first, with their extra grants.' })
  async list(@CurrentAccess() access: OrganizationAccess) {
    const members = await this.queries.execute(
      new ListMembersQuery(access.organization.organizationId, access.userId),
    );
    return {
      items: members.map(({ userId, email, firstName, lastName, role, grants }) => ({
        userId,
        email,
        firstName,
        lastName,
        role,
        grants: grants ?? [],
      })),
    };
  }
}
