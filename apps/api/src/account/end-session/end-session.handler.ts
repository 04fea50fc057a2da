import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { NoSuchSession, sessionDecider, sessionStream } from '@app/domain';
import { AggregateStore } from '@app/event-store/aggregate-store';
import { EndSessionCommand } from './end-session.command';

const SESSION_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Ends one of the caller's sessions. The append evicts it from this instance's credential
 * cache before this returns; the other instances' live subscriptions evict it too.
 */
@CommandHandler(EndSessionCommand)
export class EndSessionHandler implements ICommandHandler<EndSessionCommand> {
  constructor(private readonly aggregates: AggregateStore) {}

  async execute({ userId, sessionId, metadata }: EndSessionCommand) {
    if (!SESSION_ID.test(sessionId)) throw new NoSuchSession();
    const now = new Date().toISOString();
    const result = await this.aggregates.handle(
      sessionStream(sessionId),
      sessionDecider,
      () => ({
        type: 'EndSession' as const,
        data: { sessionId, requesterId: userId, reason: 'ended_by_user' as const, now },
      }),
      { metadata },
    );
    return { position: result.position };
  }
}
