import { Module, type DynamicModule } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import type { AppConfig } from '@app/platform/config/config';
import type { Secrets } from '@app/platform/config/secrets';
import { PlatformModule } from '@app/platform/platform.module';
import type { Storage } from '@app/platform/storage/storage';
import { AccountModule } from './account/account.module';
import { ApiKeysModule } from './api-keys/api-keys.module';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { HealthController } from './health/health.controller';
import { MetricsController } from './metrics/metrics.controller';
import { InvitationsModule } from './invitations/invitations.module';
import { IntegrationsModule } from './integrations/integrations.module';
import { OrganizationsModule } from './organizations/organizations.module';
import { PasswordPolicyController } from './password-policy/password-policy.controller';
import { SettingsPageController } from './settings-page/settings-page.controller';

@Module({})
export class ApiModule {
  static register(config: AppConfig, secrets: Secrets, storage: Storage): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        PlatformModule.forRoot(config, secrets, storage),
        CqrsModule.forRoot(),
        AuthModule,
        AccountModule,
        OrganizationsModule,
        InvitationsModule,
        ApiKeysModule,
        IntegrationsModule,
        AuditModule,
      ],
      controllers: [
        HealthController,
        MetricsController,
        PasswordPolicyController,
        SettingsPageController,
      ],
    };
  }
}
