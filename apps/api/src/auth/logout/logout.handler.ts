import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { sessionDecider, sessionStream } from '@app/domain';
import { EVENT_CODEC, type EventCodec } from '@app/event-store/event-codec';
import { EVENT_STORE, type EventStore } from '@app/event-store/event-store.port';
import { handleCommand } from '@app/event-store/handle-command';
import { LogoutCommand } from './logout.command';

@CommandHandler(LogoutCommand)
export class LogoutHandler implements ICommandHandler<LogoutCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(EVENT_CODEC) private readonly codec: EventCodec,
  ) {}

  async execute({ sessionId, metadata }: LogoutCommand) {
    const now = new Date().toISOString();
    const result = await handleCommand(this.store, this.codec, sessionStream(sessionId), sessionDecider,
      () => ({ type: 'EndSession' as const, data: { sessionId, reason: 'logout' as const, now } }),
      { metadata },
    );
    return { position: result.position };
  }
}
