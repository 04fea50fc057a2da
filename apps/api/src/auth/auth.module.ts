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
import { CredentialCacheLifecycle } from './credential-cache.lifecycle';
import { LoginThrottle } from './login-throttle';
import { LoginController } from './login/login.controller';
import { LoginHandler } from './login/login.handler';
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
  controllers: [RegisterController, LoginController, LogoutController],
  providers: [
    RegisterHandler,
    LoginHandler,
    LogoutHandler,
    LoginThrottle,
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
  exports: [
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
