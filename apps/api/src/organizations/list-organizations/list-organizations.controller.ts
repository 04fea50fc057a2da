import { Controller, Get, UseGuards } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type UserPrincipal } from '../../auth/principal';
import { UserSessionGuard } from '../../auth/user-session.guard';
import { ListOrganizationsQuery } from './list-organizations.query';
import { Answers, Operation } from '../../http/openapi';
import { OrganizationListDto } from '../organizations.responses';

@ApiTags('organizations')
@Controller('orgs')
@UseGuards(UserSessionGuard)
export class ListOrganizationsController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Operation({
    id: 'listOrganizations',
    summary: 'List your organizations',
    access: 'user',
    errors: [403, 503],
  })
  @Answers(200, OrganizationListDto, 'The organizations you belong to, with your role in each.')
  async list(@CurrentPrincipal() principal: UserPrincipal) {
    const memberships = await this.queries.execute(new ListOrganizationsQuery(principal.userId));
    return {
      items: memberships.map(({ organizationId, organizationName, role }) => ({
        organizationId,
        name: organizationName,
        role,
      })),
    };
  }
}
