import type { DomainEvent } from './event-codec';
import type { AggregateStore, Folder, LoadedAggregate } from './aggregate-store';
import type {
  EventStore,
  RecordedEvent,
  Subscription,
  SubscriptionStatus,
} from './event-store.port';

const DEFAULT_MAX_ENTRIES = 50_000;

/**
 * The cache-invalidating projection. Folded states of credential streams (keys, sessions,
 * accounts, organizations) are served from memory with no I/O, and any event on a cached
 * stream evicts it, whichever instance wrote it: a live subscription delivers every commit
 * within milliseconds. Fail closed: unless that subscription is live, nothing is served from
 * or stored in the cache, and every load reads the stream itself.
 */
export class LiveStreamCache {
  private readonly states = new Map<string, LoadedAggregate<unknown>>();
  private status: SubscriptionStatus = 'down';
  /** Bumped by every eviction: a load that raced with one is not cached. */
  private epoch = 0;
  private subscription: Subscription | null = null;
  private readonly eventListeners: ((event: RecordedEvent) => void)[] = [];

  constructor(
    private readonly store: EventStore,
    private readonly aggregates: AggregateStore,
    private readonly maxEntries = DEFAULT_MAX_ENTRIES,
  ) {
    aggregates.onAppend((stream) => this.evict(stream));
  }

  start(): void {
    this.subscription ??= this.store.subscribe('now', {
      onEvents: (events) => {
        for (const event of events) {
          this.evict(event.stream);
          for (const listener of this.eventListeners) listener(event);
        }
      },
      onStatus: (status) => this.onStatus(status),
    });
  }

  /** Other in-memory state that must follow the log at once (e.g. forgetting a destroyed data key). */
  onEvent(listener: (event: RecordedEvent) => void): void {
    this.eventListeners.push(listener);
  }

  async close(): Promise<void> {
    await this.subscription?.close();
    this.subscription = null;
    this.onStatus('down');
  }

  get isLive(): boolean {
    return this.status === 'live';
  }

  /**
   * The cached state without waiting, or undefined (not cached, or the subscription is not
   * live): lets a hot path skip a promise per stream when everything is in memory.
   */
  peek<State>(stream: string): LoadedAggregate<State> | undefined {
    return this.isLive
      ? (this.states.get(stream) as LoadedAggregate<State> | undefined)
      : undefined;
  }

  async load<State, Event extends DomainEvent>(
    stream: string,
    decider: Folder<State, Event>,
  ): Promise<LoadedAggregate<State>> {
    if (this.isLive) {
      const cached = this.states.get(stream);
      if (cached) return cached as LoadedAggregate<State>;
    }
    const epoch = this.epoch;
    const loaded = await this.aggregates.load(stream, decider);
    if (this.isLive && epoch === this.epoch) this.remember(stream, loaded);
    return loaded;
  }

  evict(stream: string): void {
    this.epoch += 1;
    this.states.delete(stream);
  }

  private onStatus(status: SubscriptionStatus): void {
    this.status = status;
    if (status !== 'live') {
      this.epoch += 1;
      this.states.clear();
    }
  }

  private remember(stream: string, loaded: LoadedAggregate<unknown>): void {
    this.states.set(stream, loaded);
    if (this.states.size > this.maxEntries) {
      const oldest = this.states.keys().next().value;
      if (oldest !== undefined) this.states.delete(oldest);
    }
  }
}
