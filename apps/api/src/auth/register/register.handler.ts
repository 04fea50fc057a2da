import { randomUUID } from 'node:crypto';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { accountDecider, accountStream, emailDecider, emailStream } from '@app/domain';
import { AggregateStore } from '@app/event-store/aggregate-store';
import type { EventMetadata } from '@app/event-store/event-store.port';
import { AccountDirectory } from '../account-directory';
import { PasswordHasher } from '../password-hasher';
import { RegisterCommand } from './register.command';

/**
 * Reserves the email in its own stream first (uniqueness without a read model), then
 * creates the account. A crash between the two leaves a reservation whose account never
 * appears; the email decider lets a later registration take it over.
 */
@CommandHandler(RegisterCommand)
export class RegisterHandler implements ICommandHandler<RegisterCommand> {
  constructor(
    private readonly aggregates: AggregateStore,
    private readonly accounts: AccountDirectory,
    private readonly passwords: PasswordHasher,
  ) {}

  /**
   * The reservation gets ids of its own in its metadata: sharing the request's correlation
   * id with the account's first event would link the address to the account for good.
   */
  async execute(command: RegisterCommand) {
    const userId = randomUUID();
    const email = command.email.trim().toLowerCase();
    const emailHash = this.accounts.emailHashOf(email);
    const passwordHash = await this.passwords.hash(command.password);
    const now = new Date().toISOString();
    await this.aggregates.handle(
      emailStream(emailHash),
      emailDecider,
      async (state) => ({
        type: 'ReserveEmail' as const,
        data: {
          emailHash,
          userId,
          holder:
            state.status === 'reserved' ? await this.holderOf(state.userId) : ('missing' as const),
          now,
        },
      }),
      { metadata: unlinkedMetadata(command.metadata) },
    );
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

  private async holderOf(userId: string | null): Promise<'active' | 'deleted' | 'missing'> {
    if (userId === null) return 'deleted';
    const { state } = await this.aggregates.load(accountStream(userId), accountDecider);
    return state.status === 'none' ? 'missing' : state.status;
  }
}

function unlinkedMetadata(metadata: EventMetadata): EventMetadata {
  const id = randomUUID();
  return { correlationId: id, causationId: id, actor: metadata.actor };
}
