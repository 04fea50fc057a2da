import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DomainError, sessionDecider, sessionStream } from '@app/domain';
import { AggregateStore } from '@app/event-store/aggregate-store';
import { EVENT_STORE, type EventStore } from '@app/event-store/event-store.port';
import { READ_STORE, type ReadStore } from '@app/read-store/read-store.port';
import { SESSIONS, type SessionDocument } from '@app/read-store/read-models/session.read-model';
import { ReadYourWrites } from '../../consistency/read-your-writes';
import { EndOtherSessionsCommand } from './end-other-sessions.command';

/**
 * Ends every session of the caller but the current one. The list is read once the projector
 * has reached the head of the log, so a login a moment ago on any instance is ended too.
 */
@CommandHandler(EndOtherSessionsCommand)
export class EndOtherSessionsHandler implements ICommandHandler<EndOtherSessionsCommand> {
  constructor(
    private readonly aggregates: AggregateStore,
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
    private readonly consistency: ReadYourWrites,
  ) {}

  async execute({ principal, metadata }: EndOtherSessionsCommand) {
    await this.consistency.awaitProjection(await this.eventStore.headPosition());
    const sessions = await this.readStore.find<SessionDocument>(SESSIONS.name, {
      userId: principal.userId,
    });
    let position: bigint | null = null;
    const now = new Date().toISOString();
    for (const { id: sessionId } of sessions) {
      if (sessionId === principal.sessionId) continue;
      try {
        const result = await this.aggregates.handle(
          sessionStream(sessionId),
          sessionDecider,
          () => ({
            type: 'EndSession' as const,
            data: {
              sessionId,
              requesterId: principal.userId,
              reason: 'ended_by_user' as const,
              now,
            },
          }),
          { metadata },
        );
        position = result.position ?? position;
      } catch (error) {
        // Ended meanwhile (a logout racing this): nothing left to do for it.
        if (!(error instanceof DomainError)) throw error;
      }
    }
    return { position };
  }
}
