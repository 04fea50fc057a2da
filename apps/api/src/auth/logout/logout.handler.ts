import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { sessionDecider, sessionStream } from '@app/domain';
import { AggregateStore } from '@app/event-store/aggregate-store';
import { LogoutCommand } from './logout.command';

@CommandHandler(LogoutCommand)
export class LogoutHandler implements ICommandHandler<LogoutCommand> {
  constructor(private readonly aggregates: AggregateStore) {}

  async execute({ sessionId, metadata }: LogoutCommand) {
    const now = new Date().toISOString();
    const result = await this.aggregates.handle(
      sessionStream(sessionId),
      sessionDecider,
      () => ({ type: 'EndSession' as const, data: { sessionId, reason: 'logout' as const, now } }),
      { metadata },
    );
    return { position: result.position };
  }
}
