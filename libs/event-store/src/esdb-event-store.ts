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
const HEAD_PAGE_SIZE = 64;

/**
 * gRPC keepalive, in ms, unless the connection string sets its own. The client's default
 * (10 s ping, 10 s timeout) lets a half-open connection look healthy for ~20 s, during which
 * the credential cache would keep serving; with these a silent connection fails the
 * subscription within ~4 s, and the cache is bypassed from then on (fail closed). The client
 * warns once that this is below its recommended 10 s.
 */
export const KEEP_ALIVE_DEFAULTS = { keepAliveInterval: 2_000, keepAliveTimeout: 2_000 } as const;

/** The connection string with KEEP_ALIVE_DEFAULTS added where it does not say otherwise. */
export function withKeepAliveDefaults(connectionString: string): string {
  const [base, query = ''] = connectionString.split('?', 2) as [string, string?];
  const params = query.split('&').filter((param) => param !== '');
  const given = new Set(params.map((param) => (param.split('=')[0] ?? '').toLowerCase()));
  for (const [name, value] of Object.entries(KEEP_ALIVE_DEFAULTS))
    if (!given.has(name.toLowerCase())) params.push(`${name}=${value}`);
  return `${base}?${params.join('&')}`;
}

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
    this.client = EventStoreDBClient.connectionString(withKeepAliveDefaults(connectionString));
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

  /**
   * The position of the last application event, as on SQLite: system events (`$` types,
   * which the server writes on start-up, scavenges and settings changes) are skipped, so a
   * fresh store reads 0n and a projector that has everything of ours is never "behind".
   */
  async headPosition(): Promise<bigint> {
    let from: ReadPosition = END;
    for (;;) {
      const page = await this.readAllPage(from, HEAD_PAGE_SIZE, BACKWARDS);
      for (const resolved of page) {
        if (toRecordedEvent(resolved) !== undefined) return commitPositionOf(resolved);
      }
      const oldest = page[page.length - 1];
      if (page.length < HEAD_PAGE_SIZE || oldest?.event === undefined) return 0n;
      from = oldest.event.position;
    }
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
