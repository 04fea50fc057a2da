import {
  type AllStreamSubscription,
  type EventStoreDBClient,
  type ReadPosition,
  START,
  excludeSystemEvents,
} from '@eventstore/db-client';
import type { RecordedEvent, SubscriptionHandler, SubscriptionStart } from './event-store.port';
import { EsdbCatchUpTracker } from './esdb-catch-up-tracker';
import { toRecordedEvent } from './esdb-recorded-event';
import {
  RetryingSubscription,
  SUBSCRIPTION_BATCH_SIZE,
  reportStatus,
} from './subscription-lifecycle';

/** Reads the commit position of the last application event in $all (system events skipped). */
export type ReadHeadPosition = () => Promise<bigint>;

const BEFORE_FIRST_EVENT = -1n;

/**
 * A catch-up subscription to $all. The client does not resubscribe after a drop, so this
 * does: from the last handled position, with backoff, reporting `down` in between.
 */
export class EsdbSubscription extends RetryingSubscription {
  /** Undefined only for 'start' and 'now' before anything is known; exclusive when set. */
  private lastHandledPosition: bigint | undefined;

  constructor(
    private readonly client: EventStoreDBClient,
    private readonly readHeadPosition: ReadHeadPosition,
    private readonly start: SubscriptionStart,
    handler: SubscriptionHandler,
  ) {
    super(handler);
    this.lastHandledPosition = typeof start === 'object' ? start.after : undefined;
  }

  protected async deliverUntilClosed(onDelivered: () => void): Promise<void> {
    const headAtStart = await this.readHeadPosition();
    if (this.closing.signal.aborted) return;
    // 'now' is pinned to the head on the first attempt, so a retry cannot skip events.
    if (this.start === 'now') this.lastHandledPosition ??= headAtStart;
    const tracker = new EsdbCatchUpTracker(headAtStart, {
      live: () => reportStatus(this.handler, 'live'),
      catchingUp: () => reportStatus(this.handler, 'catching-up'),
    });
    const waiting = { forEvents: false };
    const subscription = this.subscribeToAll(tracker, waiting);
    const stop = stopOnce(subscription);
    this.closing.signal.addEventListener('abort', stop, { once: true });
    try {
      tracker.handledUpTo(this.lastHandledPosition ?? BEFORE_FIRST_EVENT);
      await this.deliverFrom(subscription, tracker, waiting, onDelivered);
    } finally {
      this.closing.signal.removeEventListener('abort', stop);
      stop();
    }
  }

  private subscribeToAll(
    tracker: EsdbCatchUpTracker,
    waiting: { forEvents: boolean },
  ): AllStreamSubscription {
    const subscription = this.client.subscribeToAll({
      fromPosition: this.fromPosition(),
      filter: excludeSystemEvents({
        checkpointReached: (_, position) =>
          tracker.serverScannedTo(position.commit, subscription.readableLength, waiting.forEvents),
      }),
    });
    // Errors reach us through the iterator; this keeps one arriving after teardown from
    // becoming an uncaught 'error' event.
    subscription.on('error', () => undefined);
    subscription.on('caughtUp', () =>
      tracker.serverCaughtUp(subscription.readableLength, waiting.forEvents),
    );
    subscription.on('fellBehind', () => tracker.serverFellBehind());
    return subscription;
  }

  private async deliverFrom(
    subscription: AllStreamSubscription,
    tracker: EsdbCatchUpTracker,
    waiting: { forEvents: boolean },
    onDelivered: () => void,
  ): Promise<void> {
    const resolvedEvents = subscription[Symbol.asyncIterator]();
    let batch: RecordedEvent[] = [];
    while (!this.closing.signal.aborted) {
      waiting.forEvents = batch.length === 0;
      const next = await resolvedEvents.next();
      waiting.forEvents = false;
      if (next.done === true) throw new Error('EventStoreDB ended the subscription');
      tracker.eventRead();
      const event = toRecordedEvent(next.value);
      if (event !== undefined && this.isNew(event)) batch.push(event);
      const moreBuffered = subscription.readableLength > 0;
      if (moreBuffered && batch.length < SUBSCRIPTION_BATCH_SIZE) continue;
      if (batch.length > 0) await this.deliver(batch, onDelivered);
      batch = [];
      if (this.lastHandledPosition !== undefined) tracker.handledUpTo(this.lastHandledPosition);
    }
  }

  private async deliver(batch: readonly RecordedEvent[], onDelivered: () => void): Promise<void> {
    await this.handler.onEvents(batch);
    const lastEvent = batch[batch.length - 1];
    if (lastEvent !== undefined) this.lastHandledPosition = lastEvent.position;
    onDelivered();
  }

  /** Guards the exclusive start, which the server honours, against a redelivered boundary. */
  private isNew(event: RecordedEvent): boolean {
    return this.lastHandledPosition === undefined || event.position > this.lastHandledPosition;
  }

  private fromPosition(): ReadPosition {
    const after = this.lastHandledPosition;
    if (after === undefined) return START;
    return { commit: after, prepare: after };
  }
}

/** Cancels the server-side stream, then ends the local one so a pending read returns. */
function stopOnce(subscription: AllStreamSubscription): () => void {
  let stopped = false;
  const destroy = (): void => void subscription.destroy();
  return () => {
    if (stopped) return;
    stopped = true;
    void subscription.unsubscribe().then(destroy, destroy);
  };
}
