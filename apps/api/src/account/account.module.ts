import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { AuthModule } from '../auth/auth.module';
import { ConsistencyModule } from '../consistency/consistency.module';
import { ChangeNameController } from './change-name/change-name.controller';
import { ChangeNameHandler } from './change-name/change-name.handler';
import { ChangePasswordController } from './change-password/change-password.controller';
import { ChangePasswordHandler } from './change-password/change-password.handler';
import { DeleteAccountController } from './delete-account/delete-account.controller';
import { DeleteAccountHandler } from './delete-account/delete-account.handler';
import { Departures } from './delete-account/departures';
import { DeletionPlanner } from './delete-account/deletion-plan';
import { GetProfileController } from './get-profile/get-profile.controller';
import { GetProfileHandler } from './get-profile/get-profile.handler';
import { PreviewDeletionController } from './preview-deletion/preview-deletion.controller';

@Module({
  imports: [CqrsModule, AuthModule, ConsistencyModule],
  controllers: [
    GetProfileController,
    ChangeNameController,
    ChangePasswordController,
    PreviewDeletionController,
    DeleteAccountController,
  ],
  providers: [
    GetProfileHandler,
    ChangeNameHandler,
    ChangePasswordHandler,
    DeletionPlanner,
    DeleteAccountHandler,
    Departures,
  ],
})
export class AccountModule {}
