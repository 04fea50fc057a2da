import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DomainError, type ActiveAccount } from '@app/domain';
import { AccountDirectory } from '../account-directory';
import { FailedLogins } from '../failed-logins';
import { LoginThrottle } from '../login-throttle';
import { PasswordHasher } from '../password-hasher';
import { SessionStarter } from '../session-starter';
import { MfaTokens } from '../two-factor/mfa-token';
import { LoginCommand, type LoginResult } from './login.command';

/** The same answer, in about the same time, for an unknown email and a wrong password. */
class InvalidCredentials extends DomainError {
  constructor() {
    super('INVALID_CREDENTIALS', 'unauthenticated', 'The email or the password is not correct.');
  }
}

@CommandHandler(LoginCommand)
export class LoginHandler implements ICommandHandler<LoginCommand> {
  constructor(
    private readonly accounts: AccountDirectory,
    private readonly passwords: PasswordHasher,
    private readonly throttle: LoginThrottle,
    private readonly sessions: SessionStarter,
    private readonly mfaTokens: MfaTokens,
    private readonly failedLogins: FailedLogins,
  ) {}

  async execute({ email, password, metadata, client }: LoginCommand): Promise<LoginResult> {
    const emailHash = this.accounts.emailHashOf(email);
    let existing = null as ActiveAccount | null;
    const account = await this.throttle.attempt(emailHash, async () => {
      const found = await this.accounts.findByEmail(email);
      const active = found?.status === 'active' ? found : null;
      existing = active;
      // Exactly one bcrypt comparison on every path, so timing tells nothing either.
      const verified = await this.passwords.verify(password, active?.passwordHash ?? null);
      return verified ? active : null;
    });
    if (!account) {
      // Only an existing account has a security log to show the attempt in.
      if (existing) this.failedLogins.record(existing.userId, client, metadata);
      throw new InvalidCredentials();
    }
    // With two-factor on, the password only earns the right to present a code.
    if (account.twoFactor.enabled) {
      const challenge = this.mfaTokens.issue(account.userId, account.passwordVersion, new Date());
      return { mfaRequired: true, ...challenge };
    }
    return { mfaRequired: false, ...(await this.sessions.start(account, client, metadata)) };
  }
}
