import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { accountDecider, accountStream, AccountNotFound } from '@app/domain';
import { AggregateStore } from '@app/event-store/aggregate-store';
import { ChangePreferencesCommand } from './change-preferences.command';

/** The same theme again records nothing. */
@CommandHandler(ChangePreferencesCommand)
export class ChangePreferencesHandler implements ICommandHandler<ChangePreferencesCommand> {
  constructor(private readonly aggregates: AggregateStore) {}

  async execute({ userId, theme, metadata }: ChangePreferencesCommand) {
    const now = new Date().toISOString();
    const result = await this.aggregates.handle(
      accountStream(userId),
      accountDecider,
      () => ({ type: 'ChangeTheme' as const, data: { userId, theme, now } }),
      { metadata },
    );
    if (result.state.status !== 'active') throw new AccountNotFound();
    return { theme: result.state.theme, position: result.position };
  }
}
