import type {
  EventStore,
  RecordedEvent,
  Subscription,
  SubscriptionStart,
  SubscriptionStatus,
} from '../event-store.port';

export interface StatusReport {
  readonly status: SubscriptionStatus;
  readonly error?: unknown;
}

export interface RecordingSubscription {
  readonly subscription: Subscription;
  /** Events of every batch the handler accepted, in delivery order. */
  readonly events: RecordedEvent[];
  readonly batches: (readonly RecordedEvent[])[];
  readonly statuses: StatusReport[];
  readonly isLive: () => boolean;
}

/** Runs before a batch is recorded; throwing rejects the batch as a failing handler would. */
export type BeforeRecording = (batch: readonly RecordedEvent[]) => Promise<void> | void;

export function subscribeAndRecord(
  store: EventStore,
  start: SubscriptionStart,
  beforeRecording: BeforeRecording = () => undefined,
): RecordingSubscription {
  const events: RecordedEvent[] = [];
  const batches: (readonly RecordedEvent[])[] = [];
  const statuses: StatusReport[] = [];
  const subscription = store.subscribe(start, {
    async onEvents(batch) {
      await beforeRecording(batch);
      batches.push(batch);
      events.push(...batch);
    },
    onStatus(status, error) {
      statuses.push({ status, error });
    },
  });
  const isLive = (): boolean => statuses[statuses.length - 1]?.status === 'live';
  return { subscription, events, batches, statuses, isLive };
}

export async function waitUntil(
  condition: () => boolean,
  description: string,
  timeoutMs = 10_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${description}`);
    await pause(2);
  }
}

export function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
