import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { OrganizationAccess } from '../access/organization-access';
import { CurrentAccess, OrgPermission } from '../access/org-permission.decorator';

@ApiTags('organizations')
@Controller('orgs/:orgId')
export class GetOrganizationController {
  /** Read from the organization's stream, like every access decision: always current. */
  @Get()
  @OrgPermission('org:read')
  @ApiOkResponse({
    description: 'The organization with your role and effective permissions in it.',
  })
  get(@CurrentAccess() access: OrganizationAccess) {
    const { organization, role, permissions } = access;
    return {
      organizationId: organization.organizationId,
      name: organization.name,
      role,
      permissions,
      disabledFeatures: organization.disabledFeatures,
    };
  }
}
