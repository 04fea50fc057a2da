import { Controller, Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { OrganizationAccess } from '../access/organization-access';
import { CurrentAccess, OrgPermission } from '../access/org-permission.decorator';
import { ListMembersQuery } from './list-members.query';
import { Answers, Operation } from '../../http/openapi';
import { MemberListDto } from '../organizations.responses';

@ApiTags('members')
@Controller('orgs/:orgId/members')
export class ListMembersController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Operation({
    id: 'listMembers',
    summary: 'List the members of an organization',
    access: 'userOrApiKey',
    errors: [503],
  })
  @Answers(200, MemberListDto, 'The members, oldest first.')
  @OrgPermission('members:read')
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
