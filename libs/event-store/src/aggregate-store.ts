import { randomUUID } from 'node:crypto';
import type { DomainEvent, EventCodec } from './event-codec';
import {
  WrongExpectedRevisionError,
  type EventMetadata,
  type EventStore,
  type EventToAppend,
  type StreamRevision,
} from './event-store.port';
import { chain } from './integrity';

/** The decider shape the store needs; the domain's deciders satisfy it. */
export interface CommandDecider<State, Command, Event extends DomainEvent> {
  readonly initialState: () => State;
  readonly evolve: (state: State, event: Event) => State;
  readonly decide: (command: Command, state: State) => readonly Event[];
}

export type Folder<State, Event extends DomainEvent> = Pick<
  CommandDecider<State, unknown, Event>,
  'initialState' | 'evolve'
>;

export interface LoadedAggregate<State> {
  readonly state: State;
  /** Revision of the stream's last event, or null when the stream does not exist. */
  readonly revision: StreamRevision | null;
  /** Integrity hash of the stream's last event: the next event chains onto it. */
  readonly lastHash: string | null;
}

export interface HandleOptions {
  /**
   * The revision the stream must be at (`no_stream` for a stream being created): when given,
   * a mismatch fails at once instead of being retried. `If-Match` is checked by deciders
   * against what they show (e.g. the profile's revision), not here.
   */
  readonly expectedRevision?: StreamRevision | 'no_stream';
  readonly metadata: EventMetadata;
  readonly maxAttempts?: number;
}

export interface HandleResult<State, Event> extends LoadedAggregate<State> {
  readonly events: readonly Event[];
  /** Position of the last appended event; null when the command changed nothing. */
  readonly position: bigint | null;
}

const DEFAULT_CACHED_STREAMS = 20_000;

/** Writers kept winning the race for this stream however often the command was retried. */
export class ConcurrentWritesError extends Error {
  override readonly name = 'ConcurrentWritesError';
  constructor(
    readonly stream: string,
    readonly attempts: number,
  ) {
    super(`stream ${stream}: still conflicting after ${attempts} attempts`);
  }
}

/**
 * Loads aggregates and runs commands against them. Folded states are kept in memory, but
 * every load still reads the stream's tail from the store (usually nothing): a cached state
 * is never trusted beyond the revision it was folded to, so another process's writes are
 * always seen, and a request costs one indexed read instead of a whole stream's decryption.
 */
export class AggregateStore {
  private readonly folded = new Map<string, LoadedAggregate<unknown>>();
  private readonly appendListeners: ((stream: string) => void)[] = [];
  /** Per stream, the end of the last command queued on it in this process. */
  private readonly running = new Map<string, Promise<void>>();

  constructor(
    private readonly store: EventStore,
    private readonly codec: EventCodec,
    private readonly maxCachedStreams = DEFAULT_CACHED_STREAMS,
  ) {}

  async load<State, Event extends DomainEvent>(
    stream: string,
    decider: Folder<State, Event>,
  ): Promise<LoadedAggregate<State>> {
    const cached = this.folded.get(stream) as LoadedAggregate<State> | undefined;
    const fromRevision =
      cached?.revision === null || cached === undefined ? 0 : cached.revision + 1;
    const tail = await this.store.readStream(stream, { fromRevision });
    let state = cached ? cached.state : decider.initialState();
    for (const recorded of tail)
      state = decider.evolve(state, (await this.codec.decode(recorded)) as Event);
    const last = tail.at(-1);
    const loaded = last
      ? { state, revision: last.revision, lastHash: hashOf(last.metadata) }
      : { state, revision: cached?.revision ?? null, lastHash: cached?.lastHash ?? null };
    this.remember(stream, loaded);
    return loaded;
  }

  /**
   * The one command loop: load → decide → append with the expected revision. The command is
   * built from the current state, so facts that need I/O (a bcrypt comparison) are
   * recomputed on every attempt. Conflicts are retried only when the client sent no revision.
   *
   * Commands on one stream run one after the other in this process: the store may hold an
   * append back to commit it with others (group commit), and a second command loading the
   * stream meanwhile would only decide on a stale state and conflict. Other processes'
   * writes are still caught by the expected revision.
   */
  handle<State, Command, Event extends DomainEvent>(
    stream: string,
    decider: CommandDecider<State, Command, Event>,
    buildCommand: (state: State) => Command | Promise<Command>,
    options: HandleOptions,
  ): Promise<HandleResult<State, Event>> {
    const previous = this.running.get(stream);
    const run = previous
      ? previous.then(() => this.handleNow(stream, decider, buildCommand, options))
      : this.handleNow(stream, decider, buildCommand, options);
    const settled = run.then(
      () => undefined,
      () => undefined,
    );
    this.running.set(stream, settled);
    void settled.then(() => {
      if (this.running.get(stream) === settled) this.running.delete(stream);
    });
    return run;
  }

  private async handleNow<State, Command, Event extends DomainEvent>(
    stream: string,
    decider: CommandDecider<State, Command, Event>,
    buildCommand: (state: State) => Command | Promise<Command>,
    options: HandleOptions,
  ): Promise<HandleResult<State, Event>> {
    const maxAttempts = options.maxAttempts ?? 5;
    for (let attempt = 1; ; attempt++) {
      const { state, revision, lastHash } = await this.load(stream, decider);
      const current = revision ?? 'no_stream';
      if (options.expectedRevision !== undefined && options.expectedRevision !== current) {
        throw new WrongExpectedRevisionError(stream, options.expectedRevision, current);
      }
      const events = decider.decide(await buildCommand(state), state);
      if (events.length === 0) return { state, events, revision, lastHash, position: null };
      const stored = await this.toStored(
        stream,
        (revision ?? -1) + 1,
        events,
        lastHash,
        options.metadata,
      );
      try {
        const appended = await this.store.append(stream, stored, { expectedRevision: current });
        const next = {
          state: events.reduce(decider.evolve, state),
          revision: appended.nextExpectedRevision,
          lastHash: hashOf(stored.at(-1)?.metadata),
        };
        this.remember(stream, next);
        for (const listener of this.appendListeners) listener(stream);
        return { ...next, events, position: appended.position };
      } catch (error) {
        if (!(error instanceof WrongExpectedRevisionError)) throw error;
        // With If-Match the client asked for this revision: its conflict is theirs (412).
        if (options.expectedRevision !== undefined) throw error;
        if (attempt >= maxAttempts) throw new ConcurrentWritesError(stream, attempt);
        // Another process won the race: back off a random moment (growing with each loss), so
        // that two instances hammering one stream do not keep colliding in lockstep.
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 2 ** attempt));
      }
    }
  }

  /**
   * Called synchronously after each append, before the command answers: how this instance's
   * credential cache forgets a revoked key before the DELETE returns.
   */
  onAppend(listener: (stream: string) => void): void {
    this.appendListeners.push(listener);
  }

  /** Drops a stream's folded state, e.g. once its personal data has been erased. */
  forget(stream: string): void {
    this.folded.delete(stream);
  }

  private remember(stream: string, loaded: LoadedAggregate<unknown>): void {
    this.folded.delete(stream); // re-inserted last: Map order doubles as recency
    this.folded.set(stream, loaded);
    if (this.folded.size > this.maxCachedStreams) {
      const oldest = this.folded.keys().next().value;
      if (oldest !== undefined) this.folded.delete(oldest);
    }
  }

  /** Encodes the events and chains them onto the stream's last hash (tamper evidence). */
  private async toStored(
    stream: string,
    firstRevision: StreamRevision,
    events: readonly DomainEvent[],
    lastHash: string | null,
    metadata: EventMetadata,
  ): Promise<EventToAppend[]> {
    const encoded = await Promise.all(events.map((event) => this.codec.encode(event)));
    const stamped = { ...metadata, occurredAt: new Date().toISOString() };
    const hashable = encoded.map((event, index) => ({
      id: randomUUID(),
      stream,
      revision: firstRevision + index,
      type: event.type,
      data: event.data,
      metadata: stamped,
    }));
    return chain(hashable, lastHash).map(({ id, type, data, metadata: chained }) => ({
      id,
      type,
      data,
      metadata: chained,
    }));
  }
}

function hashOf(metadata: EventMetadata | undefined): string | null {
  return typeof metadata?.hash === 'string' ? metadata.hash : null;
}
