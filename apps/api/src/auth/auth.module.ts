import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { PassportModule } from '@nestjs/passport';
import { ApiKeyUsage } from '../api-keys/api-key-usage';
import { ConsistencyModule } from '../consistency/consistency.module';
import { AccountDirectory } from './account-directory';
import { ApiKeyAuthGuard } from './api-key-auth.guard';
import { ApiKeyOnlyGuard } from './api-key-only.guard';
import { ApiKeyVerifier } from './api-key-verifier';
import { ApiKeyStrategy } from './api-key.strategy';
import { AttemptThrottle } from './attempt-throttle';
import { CredentialCacheLifecycle } from './credential-cache.lifecycle';
import { CurrentPasswordThrottle } from './current-password-throttle';
import { EmailReservations } from './email-reservations';
import { LoginThrottle } from './login-throttle';
import { LoginController } from './login/login.controller';
import { LoginHandler } from './login/login.handler';
import { LoginWithSecondFactorController } from './login-with-second-factor/login-with-second-factor.controller';
import { LoginWithSecondFactorHandler } from './login-with-second-factor/login-with-second-factor.handler';
import { FailedLogins } from './failed-logins';
import { SessionActivity } from './session-activity';
import { SessionStarter } from './session-starter';
import { MfaTokens } from './two-factor/mfa-token';
import { TwoFactorPasswordCheck } from './two-factor/password-check';
import { SecondFactorCodes } from './two-factor/second-factor-codes';
import { LogoutController } from './logout/logout.controller';
import { LogoutHandler } from './logout/logout.handler';
import { PasswordHasher } from './password-hasher';
import { RegisterController } from './register/register.controller';
import { RegisterHandler } from './register/register.handler';
import { RefuseApiKeysGuard } from './refuse-api-keys.guard';
import { RequestAuthenticator } from './request-authenticator';
import { SessionVerifier } from './session-verifier';
import { UserSessionGuard } from './user-session.guard';

@Module({
  imports: [CqrsModule, ConsistencyModule, PassportModule],
  controllers: [
    RegisterController,
    LoginController,
    LoginWithSecondFactorController,
    LogoutController,
  ],
  providers: [
    RegisterHandler,
    LoginHandler,
    LogoutHandler,
    LoginThrottle,
    AttemptThrottle,
    CurrentPasswordThrottle,
    PasswordHasher,
    SessionVerifier,
    RequestAuthenticator,
    AccountDirectory,
    EmailReservations,
    UserSessionGuard,
    ApiKeyVerifier,
    ApiKeyStrategy,
    ApiKeyAuthGuard,
    ApiKeyOnlyGuard,
    ApiKeyUsage,
    CredentialCacheLifecycle,
    RefuseApiKeysGuard,
    LoginWithSecondFactorHandler,
    SessionStarter,
    MfaTokens,
    SecondFactorCodes,
    SessionActivity,
    FailedLogins,
    TwoFactorPasswordCheck,
  ],
  exports: [
    SecondFactorCodes,
    TwoFactorPasswordCheck,
    SessionActivity,
    AttemptThrottle,
    CurrentPasswordThrottle,
    PasswordHasher,
    SessionVerifier,
    RequestAuthenticator,
    AccountDirectory,
    UserSessionGuard,
    ApiKeyVerifier,
    ApiKeyStrategy,
    ApiKeyAuthGuard,
    ApiKeyOnlyGuard,
    ApiKeyUsage,
    CredentialCacheLifecycle,
    RefuseApiKeysGuard,
  ],
})
export class AuthModule {}
