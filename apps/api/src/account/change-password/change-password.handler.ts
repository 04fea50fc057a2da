import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { accountDecider, accountStream } from '@app/domain';
import { AggregateStore } from '@app/event-store/aggregate-store';
import { CurrentPasswordThrottle } from '../../auth/current-password-throttle';
import { PasswordHasher } from '../../auth/password-hasher';
import { ChangePasswordCommand } from './change-password.command';

/**
 * bcrypt runs here, not in the domain: the handler turns "is the current password right?"
 * into a fact on the command, and hashes the new one only when it will be stored.
 */
@CommandHandler(ChangePasswordCommand)
export class ChangePasswordHandler implements ICommandHandler<ChangePasswordCommand> {
  constructor(
    private readonly aggregates: AggregateStore,
    private readonly passwords: PasswordHasher,
    private readonly throttle: CurrentPasswordThrottle,
  ) {}

  /** 429 after too many wrong current passwords (shared with DELETE /me). */
  async execute(command: ChangePasswordCommand) {
    return this.throttle.guard(command.principal.userId, (matched) =>
      this.changePassword(command, matched),
    );
  }

  private async changePassword(
    { principal, currentPassword, newPassword, metadata }: ChangePasswordCommand,
    matched: () => void,
  ) {
    const { userId, sessionId } = principal;
    const now = new Date().toISOString();
    const result = await this.aggregates.handle(
      accountStream(userId),
      accountDecider,
      async (state) => {
        const storedHash = state.status === 'active' ? state.passwordHash : null;
        const currentPasswordMatches = await this.passwords.verify(currentPassword, storedHash);
        if (currentPasswordMatches) matched();
        const newPasswordIsCurrent = currentPasswordMatches && newPassword === currentPassword;
        const newPasswordHash =
          currentPasswordMatches && !newPasswordIsCurrent
            ? await this.passwords.hash(newPassword)
            : '';
        return {
          type: 'ChangePassword' as const,
          data: {
            userId,
            currentPasswordMatches,
            newPasswordIsCurrent,
            newPasswordHash,
            sessionId,
            now,
          },
        };
      },
      { metadata },
    );
    return { position: result.position };
  }
}
