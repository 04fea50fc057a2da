import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ConsistencyModule } from '../consistency/consistency.module';
import { AccountDirectory } from './account-directory';
import { LoginThrottle } from './login-throttle';
import { LoginController } from './login/login.controller';
import { LoginHandler } from './login/login.handler';
import { LogoutController } from './logout/logout.controller';
import { LogoutHandler } from './logout/logout.handler';
import { PasswordHasher } from './password-hasher';
import { RegisterController } from './register/register.controller';
import { RegisterHandler } from './register/register.handler';
import { RequestAuthenticator } from './request-authenticator';
import { SessionVerifier } from './session-verifier';
import { UserSessionGuard } from './user-session.guard';

@Module({
  imports: [CqrsModule, ConsistencyModule],
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
  ],
  exports: [
    PasswordHasher,
    SessionVerifier,
    RequestAuthenticator,
    AccountDirectory,
    UserSessionGuard,
  ],
})
export class AuthModule {}
