import { Controller, Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { OrganizationAccess } from '../access/organization-access';
import { CurrentAccess, OrgPermission } from '../access/org-permission.decorator';
import { ListInvitationsQuery } from './list-invitations.query';
import { Answers, Operation } from '../../http/openapi';
import { PendingInvitationListDto } from '../organizations.responses';

@ApiTags('invitations')
@Controller('orgs/:orgId/invitations')
export class ListInvitationsController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @OrgPermission('members:read')
  @Operation({
    id: 'listInvitations',
    summary: 'List the organization’s pending invitations',
    access: 'userOrApiKey',
    errors: [503],
  })
  @Answers(
    200,
    PendingInvitationListDto,
    'Pending invitations, oldest first (only the email is known).',
  )
  async list(@CurrentAccess() access: OrganizationAccess) {
    const { organizationId } = access.organization;
    const invitations = await this.queries.execute(
      new ListInvitationsQuery({ organizationId }, access.userId),
    );
    return {
      items: invitations.map(({ id, email, role, invitedBy, createdAt, expiresAt }) => ({
        invitationId: id,
        email,
        role,
        invitedBy,
        createdAt,
        expiresAt,
      })),
    };
  }
}
