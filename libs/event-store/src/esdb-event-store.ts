import {
  ANY,
  type AppendExpectedRevision,
  type Direction,
  FORWARDS,
  type AllStreamResolvedEvent,
  BACKWARDS,
  END,
  EventStoreDBClient,
  NO_STREAM,
  type Position,
  type ReadPosition,
  START,
  StreamNotFoundError,
  WrongExpectedVersionError,
  jsonEvent,
} from '@eventstore/db-client';
import {
  type AppendResult,
  type EventStore,
  type EventToAppend,
  type ExpectedRevision,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  type Subscription,
  type SubscriptionHandler,
  type SubscriptionStart,
  WrongExpectedRevisionError,
} from './event-store.port';
import { UNKNOWN_POSITION, commitPositionOf, toRecordedEvent } from './esdb-recorded-event';
import { EsdbSubscription } from './esdb-subscription';

const MIN_PAGE_SIZE = 256;
const MAX_PAGE_SIZE = 4_096;

/**
 * The distributed event store. A position is an event's commit position in $all; appends
 * to EventStoreDB 20+ write each event as its own committed record, so commit positions
 * are unique per event and `{ commit: p, prepare: p }` addresses the event at p.
 */
export class EsdbEventStore implements EventStore {
  private readonly client: EventStoreDBClient;
  private readonly subscriptions = new Set<EsdbSubscription>();

  /** Connects lazily: nothing touches the network before the first call. */
  constructor(connectionString: string) {
    this.client = EventStoreDBClient.connectionString(connectionString);
  }

  async append(
    stream: string,
    events: readonly EventToAppend[],
    options: { readonly expectedRevision: ExpectedRevision },
  ): Promise<AppendResult> {
    if (events.length === 0) throw new Error(`append to ${stream}: no events given`);
    const expected = options.expectedRevision;
    try {
      const result = await this.client.appendToStream(stream, events.map(toEventData), {
        expectedRevision: toEsdbExpectedRevision(expected),
      });
      return {
        nextExpectedRevision: Number(result.nextExpectedRevision),
        // The server omits the position when the append was an idempotent repeat.
        position: result.position?.commit ?? (await this.lastPositionOf(stream)),
      };
    } catch (error) {
      if (!(error instanceof WrongExpectedVersionError)) throw error;
      const actual = error.actualVersion === NO_STREAM ? NO_STREAM : Number(error.actualVersion);
      throw new WrongExpectedRevisionError(stream, expected, actual);
    }
  }

  async readStream(stream: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const events: RecordedEvent[] = [];
    const fromRevision = options.fromRevision ? BigInt(options.fromRevision) : START;
    try {
      for await (const resolved of this.client.readStream(stream, { fromRevision })) {
        const event = toRecordedEvent(resolved);
        if (event !== undefined) events.push(event);
      }
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw error;
    }
    return events;
  }

  /**
   * $all cannot be filtered server-side by this client version, and reading from a position
   * includes the event at it, so pages are read until `limit` of our events lie past `after`.
   */
  async readAll(options: ReadAllOptions): Promise<RecordedEvent[]> {
    const events: RecordedEvent[] = [];
    if (options.limit <= 0) return events;
    // Pages hold more than `limit`: system events (and the boundary event) are skipped.
    const pageSize = Math.min(Math.max(options.limit + 1, MIN_PAGE_SIZE), MAX_PAGE_SIZE);
    let lastSeen = options.after ?? UNKNOWN_POSITION;
    let from: ReadPosition = options.after === undefined ? START : atPosition(options.after);
    for (;;) {
      const page = await this.readAllPage(from, pageSize);
      for (const resolved of page) {
        const position = commitPositionOf(resolved);
        if (position <= lastSeen) continue;
        lastSeen = position;
        const event = toRecordedEvent(resolved);
        if (event !== undefined) events.push(event);
        if (events.length === options.limit) return events;
      }
      const lastOfPage = page[page.length - 1];
      if (page.length < pageSize || lastOfPage?.event === undefined) return events;
      from = lastOfPage.event.position;
    }
  }

  /** The last event of $all, system events included: a subscriber past it has seen all of ours. */
  async headPosition(): Promise<bigint> {
    const [last] = await this.readAllPage(END, 1, BACKWARDS);
    return last === undefined ? 0n : commitPositionOf(last);
  }

  subscribe(start: SubscriptionStart, handler: SubscriptionHandler): Subscription {
    const subscription = new EsdbSubscription(
      this.client,
      () => this.headPosition(),
      start,
      handler,
    );
    this.subscriptions.add(subscription);
    return {
      close: async () => {
        this.subscriptions.delete(subscription);
        await subscription.close();
      },
    };
  }

  async close(): Promise<void> {
    const open = [...this.subscriptions];
    this.subscriptions.clear();
    await Promise.all(open.map((subscription) => subscription.close()));
    await this.client.dispose();
  }

  private async readAllPage(
    from: ReadPosition,
    maxCount: number,
    direction: Direction = FORWARDS,
  ): Promise<AllStreamResolvedEvent[]> {
    const page: AllStreamResolvedEvent[] = [];
    // Read to the end of the page: leaving early would leave the gRPC call running.
    for await (const resolved of this.client.readAll({ fromPosition: from, maxCount, direction })) {
      page.push(resolved);
    }
    return page;
  }

  private async lastPositionOf(stream: string): Promise<bigint> {
    const reading = this.client.readStream(stream, {
      direction: BACKWARDS,
      fromRevision: END,
      maxCount: 1,
    });
    let position = UNKNOWN_POSITION;
    for await (const resolved of reading) position = commitPositionOf(resolved);
    return position;
  }
}

function toEventData(event: EventToAppend) {
  return jsonEvent({
    id: event.id,
    type: event.type,
    data: event.data,
    metadata: event.metadata,
  });
}

function toEsdbExpectedRevision(expected: ExpectedRevision): AppendExpectedRevision {
  if (expected === 'no_stream') return NO_STREAM;
  if (expected === 'any') return ANY;
  return BigInt(expected);
}

function atPosition(position: bigint): Position {
  return { commit: position, prepare: position };
}
