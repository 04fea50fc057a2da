import type { RecordedEvent, SubscriptionHandler } from './event-store.port';
import {
  RetryingSubscription,
  SUBSCRIPTION_BATCH_SIZE,
  reportStatus,
} from './subscription-lifecycle';

export interface CommitNotifications {
  /** Changes whenever new events may have been committed; read it before reading events. */
  readonly commitSequence: number;
  /** Resolves once `commitSequence` has moved past `sequence`, or when `signal` aborts. */
  waitForCommitAfter(sequence: number, signal: AbortSignal): Promise<void>;
}

/** What a polling subscription needs from a store whose reads are cheap and synchronous. */
export interface PollingSubscriptionSource {
  readonly commits: CommitNotifications;
  readAfter(position: bigint, limit: number): readonly RecordedEvent[];
}

/**
 * Catch-up then live delivery by re-reading after the last delivered position. Re-reading
 * instead of pushing events makes "live" and "catching up" the same code path, and a retry
 * after a failure simply resumes from the last delivered position.
 */
export class PollingSubscription extends RetryingSubscription {
  constructor(
    private readonly source: PollingSubscriptionSource,
    private lastDeliveredPosition: bigint,
    handler: SubscriptionHandler,
  ) {
    super(handler);
  }

  protected async deliverUntilClosed(onDelivered: () => void): Promise<void> {
    let live = false;
    while (!this.closing.signal.aborted) {
      const sequenceBeforeRead = this.source.commits.commitSequence;
      const batch = this.source.readAfter(this.lastDeliveredPosition, SUBSCRIPTION_BATCH_SIZE);
      const lastEvent = batch[batch.length - 1];
      if (lastEvent === undefined) {
        if (!live) reportStatus(this.handler, 'live');
        live = true;
        await this.source.commits.waitForCommitAfter(sequenceBeforeRead, this.closing.signal);
        continue;
      }
      await this.handler.onEvents(batch);
      this.lastDeliveredPosition = lastEvent.position;
      onDelivered();
    }
  }
}
