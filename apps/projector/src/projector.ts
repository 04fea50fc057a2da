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
import { setSubscriptionState } from '@app/platform/metrics/metrics';
import { toProjectedEvent, type ProjectedEvent, type Projection } from './projection';
import { UnitOfWork } from './unit-of-work';

const CATCH_UP_BATCH = 1000;

/** What the projector's health and metrics report: the subscription, or `failed` for good. */
export type ProjectorStatus = SubscriptionStatus | 'failed';

/**
 * A stored checkpoint past the last event of the log: the log was reset or replaced while
 * the read store survived. Following it would skip every event up to that position, so the
 * projector refuses: rebuild (`--rebuild`) or restore the matching log.
 */
export class CheckpointAheadOfLogError extends Error {
  override readonly name = 'CheckpointAheadOfLogError';
  constructor(
    readonly checkpointName: string,
    readonly checkpoint: bigint,
    readonly head: bigint,
  ) {
    super(
      `${checkpointName} checkpoint ${checkpoint} is ahead of the last event of the log (${head}): ` +
        'the event store was reset or is not the one these read models were built from; ' +
        'run the projector with --rebuild, or point it at the right event store',
    );
  }
}

/** Throws CheckpointAheadOfLogError when `checkpoint` lies past the head of the log. */
export async function refuseCheckpointAheadOfLog(
  eventStore: EventStore,
  name: string,
  checkpoint: bigint | null,
): Promise<void> {
  if (checkpoint === null) return;
  const head = await eventStore.headPosition();
  if (checkpoint > head) throw new CheckpointAheadOfLogError(name, checkpoint, head);
}

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
  private status: ProjectorStatus = 'down';
  private lastPosition: bigint | null = null;
  /** A `live` report waits for confirmLive; any later report cancels it. */
  private liveReported = false;
  /** The projections each event type concerns, in registration order. */
  private readonly interestedIn = new Map<string, Projection<Doc, unknown>[]>();

  constructor(
    private readonly eventStore: EventStore,
    private readonly readStore: ReadStore,
    private readonly codec: EventCodec,
    private readonly projections: readonly Projection<Doc, unknown>[],
  ) {
    for (const projection of projections) {
      for (const type of projection.eventTypes) {
        this.interestedIn.set(type, [...(this.interestedIn.get(type) ?? []), projection]);
      }
    }
  }

  async prepare(): Promise<void> {
    for (const projection of this.projections)
      await this.readStore.ensureCollection(projection.collection);
  }

  /** The subscription's state, or `failed` once the checkpoint was found ahead of the log. */
  get currentStatus(): ProjectorStatus {
    return this.status;
  }

  /** The position of the last event applied by this process (null before the first). */
  get position(): bigint | null {
    return this.lastPosition;
  }

  /**
   * Subscribes from the stored checkpoint: catch up, then live. Refuses a checkpoint ahead
   * of the log (CheckpointAheadOfLogError) instead of silently skipping every new event.
   */
  async start(): Promise<void> {
    await this.prepare();
    const checkpoint = await this.readStore.getCheckpoint(PROJECTOR_CHECKPOINT);
    await refuseCheckpointAheadOfLog(this.eventStore, PROJECTOR_CHECKPOINT, checkpoint);
    this.lastPosition = checkpoint;
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
      const interested = this.interestedIn.get(recorded.type);
      if (!interested) continue;
      const event = await toProjectedEvent(this.codec, recorded);
      for (const projection of interested) await this.project(projection, event, work);
    }
    await this.readStore.commit(work.changes(), {
      name: PROJECTOR_CHECKPOINT,
      position: last.position,
    });
    this.lastPosition = last.position;
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
    if (this.status === 'failed') return;
    this.liveReported = status === 'live';
    if (status === this.status) return;
    if (status === 'live') {
      // Live only once the log has reached what this process applied: a log reset under a
      // running projector shows up here.
      void this.confirmLive();
      return;
    }
    this.setStatus(status);
    if (status === 'down') {
      this.logger.error({ message: 'subscription down; retrying', error: String(error) });
    } else {
      this.logger.log({ message: `subscription ${status}` });
    }
  }

  private async confirmLive(): Promise<void> {
    try {
      await refuseCheckpointAheadOfLog(this.eventStore, PROJECTOR_CHECKPOINT, this.lastPosition);
    } catch (error) {
      if (error instanceof CheckpointAheadOfLogError) {
        this.setStatus('failed');
        this.logger.error({ message: 'projector stopped', error: error.message });
        await this.stop();
        return;
      }
      // The check could not read the head: the subscription's own word stands.
      this.logger.warn({
        message: 'could not compare the checkpoint with the log',
        error: String(error),
      });
    }
    if (!this.liveReported || this.status === 'failed' || this.status === 'live') return;
    this.setStatus('live');
    this.logger.log({ message: 'subscription live' });
  }

  private setStatus(status: ProjectorStatus): void {
    this.status = status;
    setSubscriptionState('projector', status);
  }
}
