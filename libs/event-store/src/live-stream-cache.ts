import type { DomainEvent } from './event-codec';
import type { AggregateStore, Folder, LoadedAggregate } from './aggregate-store';
import type {
  EventStore,
  RecordedEvent,
  Subscription,
  SubscriptionStatus,
} from './event-store.port';

const DEFAULT_MAX_ENTRIES = 50_000;
const CATCH_UP_BATCH = 500;

/** Cached states by stream, to be read in the same synchronous turn it was handed out. */
export type CachedReader = <State>(stream: string) => LoadedAggregate<State> | undefined;

/** For metrics: how each load was served, and the subscription's state. */
export interface LiveStreamCacheObserver {
  lookup?(result: 'hit' | 'miss' | 'bypass'): void;
  status?(status: SubscriptionStatus): void;
}

/**
 * The cache-invalidating projection. Folded states of credential streams (keys, sessions,
 * accounts, organizations) are served from memory with no I/O, and any event on a cached
 * stream evicts it, whichever instance wrote it: a live subscription delivers every commit
 * within milliseconds. Fail closed: unless that subscription is live, nothing is served from
 * or stored in the cache, and every load reads the stream itself.
 *
 * "Within milliseconds" is a window, so on a store shared through one file (one that offers a
 * `changeToken`) no load trusts the cache before it knows the store has not changed since the
 * cache last caught up: one cheap read of the token, and if it moved, the events committed
 * since are read and applied first. A commit that finished before a request arrived is thus
 * seen by that request on every instance.
 */
export class LiveStreamCache {
  private readonly states = new Map<string, LoadedAggregate<unknown>>();
  private status: SubscriptionStatus = 'down';
  /** Bumped by every eviction: a load that raced with one is not cached. */
  private epoch = 0;
  private subscription: Subscription | null = null;
  private starting: Promise<void> | null = null;
  private readonly eventListeners: ((event: RecordedEvent) => void)[] = [];
  private observer: LiveStreamCacheObserver = {};
  /** Every event up to here has been applied (evicted), by the subscription or a catch-up. */
  private appliedPosition = 0n;
  /** The store's change token read just before the last catch-up's read. */
  private caughtUpToken: number | undefined;
  private catchingUp: Promise<void> = Promise.resolve();
  private waitingForCheck: ((reader: CachedReader | undefined) => void)[] = [];
  private readonly reader: CachedReader = <State>(stream: string) =>
    this.states.get(stream) as LoadedAggregate<State> | undefined;

  constructor(
    private readonly store: EventStore,
    private readonly aggregates: AggregateStore,
    private readonly maxEntries = DEFAULT_MAX_ENTRIES,
  ) {
    aggregates.onAppend((stream) => this.evict(stream));
  }

  /** Resolves once subscribed; the cache serves hits only after the subscription is live. */
  start(): Promise<void> {
    this.starting ??= this.subscribeFromHead();
    return this.starting;
  }

  private async subscribeFromHead(): Promise<void> {
    // A catch-up reads from `appliedPosition`, so it must start at the head, not at 0.
    const head = this.store.changeToken ? await this.store.headPosition() : undefined;
    if (head !== undefined) this.appliedPosition = head;
    this.subscription = this.store.subscribe(head === undefined ? 'now' : { after: head }, {
      onEvents: (events) => events.forEach((event) => this.apply(event)),
      onStatus: (status) => this.onStatus(status),
    });
  }

  /** Other in-memory state that must follow the log at once (e.g. forgetting a destroyed data key). */
  onEvent(listener: (event: RecordedEvent) => void): void {
    this.eventListeners.push(listener);
  }

  observe(observer: LiveStreamCacheObserver): void {
    this.observer = observer;
    observer.status?.(this.status);
  }

  async close(): Promise<void> {
    await this.starting?.catch(() => undefined);
    await this.subscription?.close();
    this.subscription = null;
    this.starting = null;
    this.onStatus('down');
  }

  get isLive(): boolean {
    return this.status === 'live';
  }

  /**
   * A reader of cached states without waiting, or undefined when memory cannot be trusted
   * now (the subscription is not live, or the shared store changed since the last catch-up:
   * one read of its change token). Use it within the same synchronous turn: it lets a hot path
   * read several streams with one freshness check, and never outrun a revocation that `load`
   * would see.
   */
  freshReader(): CachedReader | undefined {
    if (!this.isLive || this.storeChangedSinceCatchUp()) return undefined;
    return this.reader;
  }

  /**
   * `freshReader`, with one check of the store shared by every caller of this turn of the
   * event loop. The check runs once they have all asked (`setImmediate`: after the poll phase
   * has read every ready socket), so it is later than the arrival of each of their requests,
   * and a commit that finished before any of them arrived is seen, as with a check per caller.
   * Under load, one read of the change token then serves every request of a turn.
   */
  whenChecked(callback: (reader: CachedReader | undefined) => void): void {
    if (this.waitingForCheck.length === 0) setImmediate(this.checkForWaiting);
    this.waitingForCheck.push(callback);
  }

  /** `whenChecked` as a promise. */
  freshReaderSoon(): Promise<CachedReader | undefined> {
    return new Promise((resolve) => this.whenChecked(resolve));
  }

  private readonly checkForWaiting = (): void => {
    const waiting = this.waitingForCheck;
    this.waitingForCheck = [];
    let reader: CachedReader | undefined;
    try {
      reader = this.freshReader();
    } catch {
      // The store could not be asked (busy, closed): memory cannot be trusted, and each
      // caller's full path meets the fault itself.
      reader = undefined;
    }
    for (const callback of waiting) {
      try {
        callback(reader);
      } catch (error) {
        // One waiter's fault must not leave the others waiting; it still surfaces.
        queueMicrotask(() => {
          throw error;
        });
      }
    }
  };

  async load<State, Event extends DomainEvent>(
    stream: string,
    decider: Folder<State, Event>,
  ): Promise<LoadedAggregate<State>> {
    if (this.isLive && this.states.has(stream)) {
      await this.catchUpIfStoreChanged();
      const cached = this.states.get(stream);
      this.observer.lookup?.(cached ? 'hit' : 'miss');
      if (cached) return cached as LoadedAggregate<State>;
    } else {
      this.observer.lookup?.('bypass');
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

  private apply(event: RecordedEvent): void {
    // A catch-up may have applied it already; evicting again would only cost a read.
    if (event.position <= this.appliedPosition) return;
    this.appliedPosition = event.position;
    this.evict(event.stream);
    for (const listener of this.eventListeners) listener(event);
  }

  private storeChangedSinceCatchUp(): boolean {
    const changeToken = this.store.changeToken;
    return changeToken !== undefined && changeToken() !== this.caughtUpToken;
  }

  /** One read of the change token; only when it moved, one catch-up at a time, in order. */
  private async catchUpIfStoreChanged(): Promise<void> {
    const changeToken = this.store.changeToken;
    if (!changeToken || !this.storeChangedSinceCatchUp()) return;
    const next = this.catchingUp.catch(() => undefined).then(() => this.catchUp(changeToken));
    this.catchingUp = next;
    await next;
  }

  private async catchUp(changeToken: () => number): Promise<void> {
    // Read before the events: a commit after this read moves the token again.
    const token = changeToken();
    if (token === this.caughtUpToken) return;
    for (;;) {
      const events = await this.store.readAll({
        after: this.appliedPosition,
        limit: CATCH_UP_BATCH,
      });
      events.forEach((event) => this.apply(event));
      if (events.length < CATCH_UP_BATCH) break;
    }
    this.caughtUpToken = token;
  }

  private onStatus(status: SubscriptionStatus): void {
    this.status = status;
    this.observer.status?.(status);
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
