import { Logger } from '@nestjs/common';
import type { EventCodec } from '@app/event-store/event-codec';
import type {
  EventStore,
  RecordedEvent,
  Subscription,
  SubscriptionStatus,
} from '@app/event-store/event-store.port';
import type { Doc, ReadStore } from '@app/read-store/read-store.port';
import { PROJECTOR_CHECKPOINT } from '@app/read-store/read-models/checkpoints';
import { toProjectedEvent, type ProjectedEvent, type Projection } from './projection';
import { UnitOfWork } from './unit-of-work';

const CATCH_UP_BATCH = 1000;

export type CatchUpListener = (applied: number, total: number) => void;

/**
 * Positions are event counts in SQLite but byte offsets in EventStoreDB: the total is
 * extrapolated from how far the applied events went through the positions.
 */
function estimateTotal(applied: number, from: bigint, reached: bigint, head: bigint): number {
  if (reached >= head || reached <= from) return applied;
  return Math.round((applied * Number(head - from)) / Number(reached - from));
}

/**
 * Runs every projection from one subscription. Each batch is evolved in memory and committed
 * with its checkpoint after the writes; delivery is at least once and the read store's
 * position guard makes a replayed suffix harmless.
 */
export class Projector {
  private readonly logger = new Logger('projector');
  private subscription: Subscription | null = null;
  private status: SubscriptionStatus = 'down';

  constructor(
    private readonly eventStore: EventStore,
    private readonly readStore: ReadStore,
    private readonly codec: EventCodec,
    private readonly projections: readonly Projection<Doc, unknown>[],
  ) {}

  async prepare(): Promise<void> {
    for (const projection of this.projections)
      await this.readStore.ensureCollection(projection.collection);
  }

  /** Subscribes from the stored checkpoint: catch up, then live. */
  async start(): Promise<void> {
    await this.prepare();
    const checkpoint = await this.readStore.getCheckpoint(PROJECTOR_CHECKPOINT);
    this.subscription = this.eventStore.subscribe(
      checkpoint === null ? 'start' : { after: checkpoint },
      {
        onEvents: (events) => this.apply(events),
        onStatus: (status, error) => this.onStatus(status, error),
      },
    );
  }

  async stop(): Promise<void> {
    await this.subscription?.close();
    this.subscription = null;
  }

  /**
   * Applies everything after the checkpoint by reading, without a subscription (rebuilds,
   * benchmarks). `onBatch` hears, after each batch, how many events were applied and an
   * estimate of how many there are up to the head as it stood when the catch-up began.
   */
  async catchUp(onBatch?: CatchUpListener): Promise<number> {
    await this.prepare();
    const startedAfter = (await this.readStore.getCheckpoint(PROJECTOR_CHECKPOINT)) ?? 0n;
    const head = onBatch ? await this.eventStore.headPosition() : 0n;
    let applied = 0;
    for (;;) {
      const after = (await this.readStore.getCheckpoint(PROJECTOR_CHECKPOINT)) ?? undefined;
      const events = await this.eventStore.readAll({ after, limit: CATCH_UP_BATCH });
      if (events.length === 0) return applied;
      await this.apply(events);
      applied += events.length;
      const last = (events.at(-1) as RecordedEvent).position;
      onBatch?.(applied, estimateTotal(applied, startedAfter, last, head));
    }
  }

  /** Drops every read model and its checkpoint, then replays the whole log. */
  async rebuild(onBatch?: CatchUpListener): Promise<number> {
    for (const projection of this.projections)
      await this.readStore.dropCollection(projection.collection.name);
    await this.readStore.deleteCheckpoint(PROJECTOR_CHECKPOINT);
    return this.catchUp(onBatch);
  }

  async apply(events: readonly RecordedEvent[]): Promise<void> {
    const last = events.at(-1);
    if (!last) return;
    const work = new UnitOfWork(this.readStore);
    for (const recorded of events) {
      const interested = this.projections.filter((projection) =>
        projection.eventTypes.has(recorded.type),
      );
      if (interested.length === 0) continue;
      const event = await toProjectedEvent(this.codec, recorded);
      for (const projection of interested) await this.project(projection, event, work);
    }
    await this.readStore.commit(work.changes(), {
      name: PROJECTOR_CHECKPOINT,
      position: last.position,
    });
  }

  private async project(
    projection: Projection<Doc, unknown>,
    event: ProjectedEvent,
    work: UnitOfWork,
  ): Promise<void> {
    const collection = projection.collection.name;
    const facts = await projection.enrich?.(event, work);
    for (const id of await projection.documentIds(event, work)) {
      const next = projection.evolve(await work.get(collection, id), event, facts);
      work.set(collection, id, next, event.position);
    }
  }

  private onStatus(status: SubscriptionStatus, error?: unknown): void {
    if (status === this.status) return;
    this.status = status;
    if (status === 'down') {
      this.logger.error({ message: 'subscription down; retrying', error: String(error) });
    } else {
      this.logger.log({ message: `subscription ${status}` });
    }
  }
}
