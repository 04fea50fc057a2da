import type { SubscriptionHandler, SubscriptionStatus } from './event-store.port';

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
