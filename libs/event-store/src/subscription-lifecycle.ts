import type { Subscription, SubscriptionHandler, SubscriptionStatus } from './event-store.port';

/** Events handed to a handler in one call: large enough for fast catch-up, small enough to stay responsive. */
export const SUBSCRIPTION_BATCH_SIZE = 500;

// Revocation latency depends on a quick first retry; the cap spares a store that is down.
const FIRST_RETRY_DELAY_MS = 20;
const MAX_RETRY_DELAY_MS = 5_000;

export function retryDelayMs(consecutiveFailures: number): number {
  const doublings = Math.max(0, consecutiveFailures - 1);
  return Math.min(MAX_RETRY_DELAY_MS, FIRST_RETRY_DELAY_MS * 2 ** doublings);
}

/** Waits `ms`, or less if `signal` aborts, so closing never waits out a backoff. */
export function sleepUnlessAborted(ms: number, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const finish = (): void => {
      clearTimeout(timer);
      signal.removeEventListener('abort', finish);
      resolve();
    };
    // Unref'd: a library timer must not keep the process alive.
    const timer = setTimeout(finish, ms).unref();
    signal.addEventListener('abort', finish, { once: true });
  });
}

export function reportStatus(
  handler: SubscriptionHandler,
  status: SubscriptionStatus,
  error?: unknown,
): void {
  try {
    handler.onStatus?.(status, error);
  } catch {
    // A throwing status listener has nowhere to be reported to and must not stop delivery.
  }
}

/**
 * The delivery loop both adapters share: it starts only after `subscribe` has returned,
 * reports `catching-up` and `down`, and retries with backoff until closed.
 */
export abstract class RetryingSubscription implements Subscription {
  protected readonly closing = new AbortController();
  private readonly delivery: Promise<void>;

  protected constructor(protected readonly handler: SubscriptionHandler) {
    // Deferred so that no handler call happens before `subscribe` has returned.
    this.delivery = Promise.resolve().then(() => this.deliverWithRetries());
  }

  async close(): Promise<void> {
    this.closing.abort();
    await this.delivery;
  }

  /** Delivers until closed, or throws to be retried; `onDelivered` resets the backoff. */
  protected abstract deliverUntilClosed(onDelivered: () => void): Promise<void>;

  private async deliverWithRetries(): Promise<void> {
    let consecutiveFailures = 0;
    while (!this.closing.signal.aborted) {
      reportStatus(this.handler, 'catching-up');
      try {
        await this.deliverUntilClosed(() => (consecutiveFailures = 0));
      } catch (error) {
        if (this.closing.signal.aborted) return;
        consecutiveFailures += 1;
        reportStatus(this.handler, 'down', error);
        await sleepUnlessAborted(retryDelayMs(consecutiveFailures), this.closing.signal);
      }
    }
  }
}
