import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { OrganizationsModule } from '../organizations/organizations.module';
import { WhoamiController } from './whoami/whoami.controller';

@Module({ imports: [AuthModule, OrganizationsModule], controllers: [WhoamiController] })
export class IntegrationsModule {}
