import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { AuthModule } from '../auth/auth.module';
import { ConsistencyModule } from '../consistency/consistency.module';
import { OrgAccessGuard } from './access/org-access.guard';
import { OrganizationAccessResolver } from './access/organization-access';
import { AddMemberGoneController } from './add-member-gone/add-member-gone.controller';
import { ChangeFeaturesController } from './change-features/change-features.controller';
import { ChangeFeaturesHandler } from './change-features/change-features.handler';
import { ChangeMemberRoleController } from './change-member-role/change-member-role.controller';
import { ChangeMemberRoleHandler } from './change-member-role/change-member-role.handler';
import { CreateOrganizationController } from './create-organization/create-organization.controller';
import { CreateOrganizationHandler } from './create-organization/create-organization.handler';
import { GetOrganizationController } from './get-organization/get-organization.controller';
import { GrantPermissionsController } from './grant-permissions/grant-permissions.controller';
import { GrantPermissionsHandler } from './grant-permissions/grant-permissions.handler';
import { InviteMemberController } from './invite-member/invite-member.controller';
import { InviteMemberHandler } from './invite-member/invite-member.handler';
import { ListInvitationsController } from './list-invitations/list-invitations.controller';
import { ListInvitationsHandler } from './list-invitations/list-invitations.handler';
import { ListMembersController } from './list-members/list-members.controller';
import { ListMembersHandler } from './list-members/list-members.handler';
import { ListOrganizationsController } from './list-organizations/list-organizations.controller';
import { ListOrganizationsHandler } from './list-organizations/list-organizations.handler';
import { RemoveMemberController } from './remove-member/remove-member.controller';
import { RemoveMemberHandler } from './remove-member/remove-member.handler';
import { WithdrawInvitationController } from './withdraw-invitation/withdraw-invitation.controller';
import { WithdrawInvitationHandler } from './withdraw-invitation/withdraw-invitation.handler';

@Module({
  imports: [CqrsModule, AuthModule, ConsistencyModule],
  controllers: [
    CreateOrganizationController,
    ListOrganizationsController,
    GetOrganizationController,
    ListMembersController,
    InviteMemberController,
    ListInvitationsController,
    WithdrawInvitationController,
    ChangeMemberRoleController,
    RemoveMemberController,
    AddMemberGoneController,
    GrantPermissionsController,
    ChangeFeaturesController,
  ],
  providers: [
    OrgAccessGuard,
    OrganizationAccessResolver,
    CreateOrganizationHandler,
    ListOrganizationsHandler,
    ListMembersHandler,
    InviteMemberHandler,
    ListInvitationsHandler,
    WithdrawInvitationHandler,
    ChangeMemberRoleHandler,
    RemoveMemberHandler,
    GrantPermissionsHandler,
    ChangeFeaturesHandler,
  ],
  exports: [OrganizationAccessResolver, OrgAccessGuard],
})
export class OrganizationsModule {}
