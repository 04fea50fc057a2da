import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { AuthModule } from '../auth/auth.module';
import { ConsistencyModule } from '../consistency/consistency.module';
import { OrgAccessGuard } from './access/org-access.guard';
import { OrganizationAccessResolver } from './access/organization-access';
import { AddMemberController } from './add-member/add-member.controller';
import { AddMemberHandler } from './add-member/add-member.handler';
import { ChangeFeaturesController } from './change-features/change-features.controller';
import { ChangeFeaturesHandler } from './change-features/change-features.handler';
import { ChangeMemberRoleController } from './change-member-role/change-member-role.controller';
import { ChangeMemberRoleHandler } from './change-member-role/change-member-role.handler';
import { CreateOrganizationController } from './create-organization/create-organization.controller';
import { CreateOrganizationHandler } from './create-organization/create-organization.handler';
import { GetOrganizationController } from './get-organization/get-organization.controller';
import { GrantPermissionsController } from './grant-permissions/grant-permissions.controller';
import { GrantPermissionsHandler } from './grant-permissions/grant-permissions.handler';
import { ListMembersController } from './list-members/list-members.controller';
import { ListMembersHandler } from './list-members/list-members.handler';
import { ListOrganizationsController } from './list-organizations/list-organizations.controller';
import { ListOrganizationsHandler } from './list-organizations/list-organizations.handler';
import { RemoveMemberController } from './remove-member/remove-member.controller';
import { RemoveMemberHandler } from './remove-member/remove-member.handler';

@Module({
  imports: [CqrsModule, AuthModule, ConsistencyModule],
  controllers: [
    CreateOrganizationController,
    ListOrganizationsController,
    GetOrganizationController,
    ListMembersController,
    AddMemberController,
    ChangeMemberRoleController,
    RemoveMemberController,
    GrantPermissionsController,
    ChangeFeaturesController,
  ],
  providers: [
    OrgAccessGuard,
    OrganizationAccessResolver,
    CreateOrganizationHandler,
    ListOrganizationsHandler,
    ListMembersHandler,
    AddMemberHandler,
    ChangeMemberRoleHandler,
    RemoveMemberHandler,
    GrantPermissionsHandler,
    ChangeFeaturesHandler,
  ],
  exports: [OrganizationAccessResolver, OrgAccessGuard],
})
export class OrganizationsModule {}
