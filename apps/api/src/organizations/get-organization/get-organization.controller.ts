import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { OrganizationAccess } from '../access/organization-access';
import { CurrentAccess, OrgPermission } from '../access/org-permission.decorator';
import { Answers, Operation } from '../../http/openapi';
import { OrganizationDto } from '../organizations.responses';

@ApiTags('organizations')
@Controller('orgs/:orgId')
export class GetOrganizationController {
  /** Read from the organization's stream, like every access decision: always current. */
  @Get()
  @Operation({
    id: 'getOrganization',
    summary: 'Read an organization and your access to it',
    access: 'userOrApiKey',
  })
  @Answers(200, OrganizationDto, 'The organization with your role and effective permissions in it.')
  @OrgPermission('org:read')
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
