import { Controller, Get, UseGuards } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type UserPrincipal } from '../../auth/principal';
import { UserSessionGuard } from '../../auth/user-session.guard';
import { ListOrganizationsQuery } from './list-organizations.query';

@ApiTags('organizations')
@ApiBearerAuth()
@Controller('orgs')
@UseGuards(UserSessionGuard)
export class ListOrganizationsController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOkResponse({
    description: 'The organizations you belong to, with your role in each, by name.',
  })
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
