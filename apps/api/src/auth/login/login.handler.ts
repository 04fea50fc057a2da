import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DomainError, sessionDecider, sessionStream } from '@app/domain';
import { AggregateStore } from '@app/event-store/aggregate-store';
import { APP_CONFIG, type AppConfig } from '@app/platform/config/config';
import { newSecret, SecretHasher } from '@app/platform/credentials/secret-hasher';
import { formatSessionToken, SESSION_TOKEN_PURPOSE } from '@app/platform/credentials/session-token';
import { AccountDirectory } from '../account-directory';
import { LoginThrottle } from '../login-throttle';
import { PasswordHasher } from '../password-hasher';
import { LoginCommand } from './login.command';

/** The same answer, in about the same time, for an unknown email and a wrong password. */
class InvalidCredentials extends DomainError {
  constructor() {
    super('INVALID_CREDENTIALS', 'unauthenticated', 'The email or the password is not correct.');
  }
}

@CommandHandler(LoginCommand)
export class LoginHandler implements ICommandHandler<LoginCommand> {
  constructor(
    private readonly aggregates: AggregateStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly hasher: SecretHasher,
    private readonly accounts: AccountDirectory,
    private readonly passwords: PasswordHasher,
    private readonly throttle: LoginThrottle,
  ) {}

  async execute({ email, password, metadata }: LoginCommand) {
    const emailHash = this.accounts.emailHashOf(email);
    const account = await this.throttle.attempt(emailHash, async () => {
      const found = await this.accounts.findByEmail(email);
      const active = found?.status === 'active' ? found : null;
      // Exactly one bcrypt comparison on every path, so timing tells nothing either.
      const verified = await this.passwords.verify(password, active?.passwordHash ?? null);
      return verified ? active : null;
    });
    if (!account) throw new InvalidCredentials();
    const sessionId = randomUUID();
    const secret = newSecret();
    const now = new Date();
    const expiresAt = new Date(
      now.getTime() + this.config.sessionTtlMinutes * 60_000,
    ).toISOString();
    const started = await this.aggregates.handle(
      sessionStream(sessionId),
      sessionDecider,
      () => ({
        type: 'StartSession' as const,
        data: {
          sessionId,
          userId: account.userId,
          tokenHash: this.hasher.hash(SESSION_TOKEN_PURPOSE, secret),
          passwordVersion: account.passwordVersion,
          now: now.toISOString(),
          expiresAt,
        },
      }),
      {
        expectedRevision: 'no_stream',
        metadata: { ...metadata, actor: { type: 'user', id: account.userId } },
      },
    );
    const accessToken = formatSessionToken(sessionId, secret);
    return { userId: account.userId, accessToken, expiresAt, position: started.position ?? 0n };
  }
}
