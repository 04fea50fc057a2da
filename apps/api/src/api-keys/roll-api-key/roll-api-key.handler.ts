import { Inject } from '@nestjs/common';
import { CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ApiKeyNotFound, apiKeyDecider, apiKeyStream, type RollApiKey } from '@app/domain';
import { AggregateStore } from '@app/event-store/aggregate-store';
import {
  EVENT_STORE,
  type EventMetadata,
  type EventStore,
} from '@app/event-store/event-store.port';
import { READ_STORE, type ReadStore } from '@app/read-store/read-store.port';
import { API_KEYS, type ApiKeyDocument } from '@app/read-store/read-models/api-key.read-model';
import { ReadYourWrites } from '../../consistency/read-your-writes';
import { CreateApiKeyCommand } from '../create-api-key/create-api-key.command';
import { RollApiKeyCommand } from './roll-api-key.command';

/**
 * A roll is a creation plus a grace period: the new key is issued through the one issuing
 * path (CreateApiKeyCommand, whatever it binds a key to), then the old key records the roll.
 * The decider is asked first, so a key that cannot be rolled never gets a replacement.
 */
@CommandHandler(RollApiKeyCommand)
export class RollApiKeyHandler implements ICommandHandler<RollApiKeyCommand> {
  constructor(
    private readonly aggregates: AggregateStore,
    private readonly commands: CommandBus,
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
    private readonly consistency: ReadYourWrites,
  ) {}

  async execute(command: RollApiKeyCommand) {
    const { organizationId, requesterId, keyId, gracePeriodHours, metadata } = command;
    const rollTo =
      (rolledTo: string): ((state: unknown) => RollApiKey) =>
      () => {
        const now = new Date();
        const graceEndsAt = new Date(now.getTime() + gracePeriodHours * 3_600_000);
        return {
          type: 'RollApiKey',
          data: {
            keyId,
            requesterId,
            rolledTo,
            graceEndsAt: graceEndsAt.toISOString(),
            now: now.toISOString(),
          },
        };
      };
    const { state } = await this.aggregates.load(apiKeyStream(keyId), apiKeyDecider);
    if (state.status !== 'none' && state.organizationId !== organizationId)
      throw new ApiKeyNotFound();
    apiKeyDecider.decide(rollTo('pending')(state), state); // throws when it cannot be rolled
    const description = await this.descriptionOf(keyId);

    const issued = await this.commands.execute(
      new CreateApiKeyCommand(organizationId, requesterId, description, metadata),
    );
    this.consistency.recordWrite(requesterId, issued.position);
    try {
      const rolled = await this.aggregates.handle(
        apiKeyStream(keyId),
        apiKeyDecider,
        rollTo(issued.id),
        { metadata },
      );
      return { ...issued, position: rolled.position ?? issued.position, rolledFrom: keyId };
    } catch (error) {
      // The old key changed meanwhile (deleted, rolled elsewhere): its replacement goes too.
      await this.revokeReplacement(issued.id, requesterId, metadata);
      throw error;
    }
  }

  private async revokeReplacement(keyId: string, requesterId: string, metadata: EventMetadata) {
    await this.aggregates.handle(
      apiKeyStream(keyId),
      apiKeyDecider,
      () => ({
        type: 'RevokeApiKey' as const,
        data: { keyId, requesterId, reason: 'deleted' as const, now: new Date().toISOString() },
      }),
      { metadata },
    );
  }

  /** The new key is described as the old one was: from the key table, once it is current. */
  private async descriptionOf(keyId: string): Promise<string> {
    await this.consistency.awaitProjection(await this.eventStore.headPosition());
    const row = await this.readStore.get<ApiKeyDocument>(API_KEYS.name, keyId);
    if (!row) throw new ApiKeyNotFound();
    return row.description;
  }
}
