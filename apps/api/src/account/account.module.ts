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
import { ConfirmTwoFactorController } from './confirm-two-factor/confirm-two-factor.controller';
import { ConfirmTwoFactorHandler } from './confirm-two-factor/confirm-two-factor.handler';
import { DisableTwoFactorController } from './disable-two-factor/disable-two-factor.controller';
import { DisableTwoFactorHandler } from './disable-two-factor/disable-two-factor.handler';
import { EndOtherSessionsController } from './end-other-sessions/end-other-sessions.controller';
import { EndOtherSessionsHandler } from './end-other-sessions/end-other-sessions.handler';
import { EndSessionController } from './end-session/end-session.controller';
import { EndSessionHandler } from './end-session/end-session.handler';
import { ListSessionsController } from './list-sessions/list-sessions.controller';
import { ListSessionsHandler } from './list-sessions/list-sessions.handler';
import { ChangePreferencesController } from './change-preferences/change-preferences.controller';
import { ChangePreferencesHandler } from './change-preferences/change-preferences.handler';
import { GetPreferencesController } from './get-preferences/get-preferences.controller';
import { StartTwoFactorSetupController } from './start-two-factor-setup/start-two-factor-setup.controller';
import { StartTwoFactorSetupHandler } from './start-two-factor-setup/start-two-factor-setup.handler';

@Module({
  imports: [CqrsModule, AuthModule, ConsistencyModule],
  controllers: [
    GetProfileController,
    ChangeNameController,
    ChangePasswordController,
    PreviewDeletionController,
    DeleteAccountController,
    StartTwoFactorSetupController,
    ConfirmTwoFactorController,
    DisableTwoFactorController,
    ListSessionsController,
    EndSessionController,
    EndOtherSessionsController,
    GetPreferencesController,
    ChangePreferencesController,
  ],
  providers: [
    GetProfileHandler,
    ChangeNameHandler,
    ChangePasswordHandler,
    DeletionPlanner,
    DeleteAccountHandler,
    StartTwoFactorSetupHandler,
    ConfirmTwoFactorHandler,
    DisableTwoFactorHandler,
    ListSessionsHandler,
    EndSessionHandler,
    EndOtherSessionsHandler,
    ChangePreferencesHandler,
    Departures,
  ],
})
export class AccountModule {}
