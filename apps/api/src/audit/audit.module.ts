import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { AuthModule } from '../auth/auth.module';
import { ConsistencyModule } from '../consistency/consistency.module';
import { OrganizationsModule } from '../organizations/organizations.module';
import { GetSecurityLogController } from './get-security-log/get-security-log.controller';
import { GetSecurityLogHandler } from './get-security-log/get-security-log.handler';
import { ListOrganizationEventsController } from './list-organization-events/list-organization-events.controller';
import { ListOrganizationEventsHandler } from './list-organization-events/list-organization-events.handler';
import { PeopleDirectory } from './people';

@Module({
  imports: [CqrsModule, AuthModule, ConsistencyModule, OrganizationsModule],
  controllers: [ListOrganizationEventsController, GetSecurityLogController],
  providers: [ListOrganizationEventsHandler, GetSecurityLogHandler, PeopleDirectory],
})
export class AuditModule {}
