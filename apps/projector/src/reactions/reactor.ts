import { Logger } from '@nestjs/common';
import type { EventCodec } from '@app/event-store/event-codec';
import type { EventStore, RecordedEvent, Subscription } from '@app/event-store/event-store.port';
import type { ReadStore } from '@app/read-store/read-store.port';
import { PROJECTOR_CHECKPOINT, REACTOR_CHECKPOINT } from '@app/read-store/read-models/checkpoints';
import { toProjectedEvent } from '../projection';
import { refuseCheckpointAheadOfLog } from '../projector';
import { setSubscriptionState } from '@app/platform/metrics/metrics';
import type { Reaction } from './reaction';

const PROJECTION_WAIT_MS = 2;

/**
 * Runs the reactions from their own checkpoint, after the read models have caught up with
 * each event (a reaction may look them up). A crash between a reaction and its checkpoint
 * replays the reaction, which is harmless: they are idempotent.
 */
export class Reactor {
  private readonly logger = new Logger('reactor');
  private subscription: Subscription | null = null;

  constructor(
    private readonly eventStore: EventStore,
    private readonly readStore: ReadStore,
    private readonly codec: EventCodec,
    private readonly reactions: readonly Reaction[],
  ) {}

  async start(): Promise<void> {
    const checkpoint = await this.readStore.getCheckpoint(REACTOR_CHECKPOINT);
    await refuseCheckpointAheadOfLog(this.eventStore, REACTOR_CHECKPOINT, checkpoint);
    this.subscription = this.eventStore.subscribe(
      checkpoint === null ? 'start' : { after: checkpoint },
      {
        onEvents: (events) => this.handle(events),
        onStatus: (status, error) => {
          setSubscriptionState('reactor', status);
          if (status === 'down')
            this.logger.error({
              message: 'reactor subscription down; retrying',
              error: String(error),
            });
        },
      },
    );
  }

  async stop(): Promise<void> {
    await this.subscription?.close();
    this.subscription = null;
  }

  private async handle(events: readonly RecordedEvent[]): Promise<void> {
    for (const recorded of events) {
      const interested = this.reactions.filter((reaction) =>
        reaction.eventTypes.has(recorded.type),
      );
      if (interested.length === 0) continue;
      await this.awaitProjection(recorded.position);
      const event = await toProjectedEvent(this.codec, recorded);
      for (const reaction of interested) await reaction.react(event);
    }
    const last = events.at(-1);
    if (last)
      await this.readStore.commit([], { name: REACTOR_CHECKPOINT, position: last.position });
  }

  private async awaitProjection(position: bigint): Promise<void> {
    while (((await this.readStore.getCheckpoint(PROJECTOR_CHECKPOINT)) ?? 0n) < position) {
      await new Promise((resolve) => setTimeout(resolve, PROJECTION_WAIT_MS));
    }
  }
}
