import { randomUUID } from 'node:crypto';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { accountDecider, accountStream } from '@app/domain';
import { AggregateStore } from '@app/event-store/aggregate-store';
import { AccountDirectory } from '../account-directory';
import { EmailReservations } from '../email-reservations';
import { PasswordHasher } from '../password-hasher';
import { RegisterCommand } from './register.command';

/**
 * Reserves the email in its own stream first (uniqueness without a read model; see
 * EmailReservations), then creates the account. A crash between the two leaves a reservation whose account never
 * appears; the email decider lets a later registration take it over.
 */
@CommandHandler(RegisterCommand)
export class RegisterHandler implements ICommandHandler<RegisterCommand> {
  constructor(
    private readonly aggregates: AggregateStore,
    private readonly accounts: AccountDirectory,
    private readonly passwords: PasswordHasher,
    private readonly reservations: EmailReservations,
  ) {}

  async execute(command: RegisterCommand) {
    const userId = randomUUID();
    const email = command.email.trim().toLowerCase();
    const emailHash = this.accounts.emailHashOf(email);
    const passwordHash = await this.passwords.hash(command.password);
    const now = new Date().toISOString();
    await this.reservations.reserve(emailHash, userId, now, command.metadata);
    const { firstName, lastName, metadata } = command;
    const result = await this.aggregates.handle(
      accountStream(userId),
      accountDecider,
      () => ({
        type: 'RegisterAccount' as const,
        data: { userId, email, firstName, lastName, passwordHash, now },
      }),
      { expectedRevision: 'no_stream', metadata },
    );
    return { userId, position: result.position ?? 0n };
  }
}
