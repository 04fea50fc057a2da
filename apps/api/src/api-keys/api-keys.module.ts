import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { AuthModule } from '../auth/auth.module';
import { ConsistencyModule } from '../consistency/consistency.module';
import { OrganizationsModule } from '../organizations/organizations.module';
import { ApiKeyIssuer } from './api-key-issuer';
import { CreateApiKeyController } from './create-api-key/create-api-key.controller';
import { CreateApiKeyHandler } from './create-api-key/create-api-key.handler';
import { DeleteApiKeyController } from './delete-api-key/delete-api-key.controller';
import { DeleteApiKeyHandler } from './delete-api-key/delete-api-key.handler';
import { GetApiKeyController } from './get-api-key/get-api-key.controller';
import { ListApiKeysController } from './list-api-keys/list-api-keys.controller';
import { ListApiKeysHandler } from './list-api-keys/list-api-keys.handler';
import { LeakReports } from './report-leak/leak-reports';
import { ReportLeakController } from './report-leak/report-leak.controller';
import { ReportLeakHandler } from './report-leak/report-leak.handler';
import { RollApiKeyController } from './roll-api-key/roll-api-key.controller';
import { RollApiKeyHandler } from './roll-api-key/roll-api-key.handler';

@Module({
  imports: [CqrsModule, AuthModule, ConsistencyModule, OrganizationsModule],
  controllers: [
    CreateApiKeyController,
    ListApiKeysController,
    GetApiKeyController,
    DeleteApiKeyController,
    RollApiKeyController,
    ReportLeakController,
  ],
  providers: [
    ApiKeyIssuer,
    CreateApiKeyHandler,
    ListApiKeysHandler,
    DeleteApiKeyHandler,
    RollApiKeyHandler,
    ReportLeakHandler,
    LeakReports,
  ],
  exports: [ApiKeyIssuer],
})
export class ApiKeysModule {}
