import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { accountDecider, accountStream, AccountNotFound } from '@app/domain';
import { EVENT_CODEC, type EventCodec } from '@app/event-store/event-codec';
import { EVENT_STORE, type EventStore } from '@app/event-store/event-store.port';
import { handleCommand } from '@app/event-store/handle-command';
import { ChangeNameCommand } from './change-name.command';

@CommandHandler(ChangeNameCommand)
export class ChangeNameHandler implements ICommandHandler<ChangeNameCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(EVENT_CODEC) private readonly codec: EventCodec,
  ) {}

  async execute({ userId, names, expectedRevision, metadata }: ChangeNameCommand) {
    const now = new Date().toISOString();
    const result = await handleCommand(this.store, this.codec, accountStream(userId), accountDecider,
      () => ({ type: 'ChangeName' as const, data: { userId, ...names, now } }),
      { expectedRevision, metadata },
    );
    if (result.state.status !== 'active' || result.revision === null) throw new AccountNotFound();
    return { account: result.state, revision: result.revision, position: result.position };
  }
}
