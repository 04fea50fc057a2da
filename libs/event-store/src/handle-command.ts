import { randomUUID } from 'node:crypto';
import type { DomainEvent, EventCodec } from './event-codec';
import {
  WrongExpectedRevisionError,
  type EventMetadata,
  type EventStore,
  type StreamRevision,
} from './event-store.port';

/** The decider shape the helper needs; the domain's deciders satisfy it. */
export interface CommandDecider<State, Command, Event extends DomainEvent> {
  readonly initialState: () => State;
  readonly evolve: (state: State, event: Event) => State;
  readonly decide: (command: Command, state: State) => readonly Event[];
}

export interface HandleOptions {
  /** From `If-Match`: when given, a mismatch fails at once instead of being retried. */
  readonly expectedRevision?: StreamRevision | 'no_stream';
  readonly metadata: EventMetadata;
  readonly maxAttempts?: number;
}

export interface HandleResult<State, Event> {
  readonly state: State;
  readonly events: readonly Event[];
  /** Revision of the stream's last event after the command, or null if there is none. */
  readonly revision: StreamRevision | null;
  /** Position of the last appended event; null when the command changed nothing. */
  readonly position: bigint | null;
}

export interface LoadedStream<State> {
  readonly state: State;
  readonly revision: StreamRevision | null;
}

/** Reads a stream and folds it; how every handler and verifier sees an aggregate. */
export async function loadAggregate<State, Event extends DomainEvent>(
  store: EventStore,
  codec: EventCodec,
  stream: string,
  decider: Pick<CommandDecider<State, unknown, Event>, 'initialState' | 'evolve'>,
): Promise<LoadedStream<State>> {
  const recorded = await store.readStream(stream);
  let state = decider.initialState();
  for (const event of recorded) {
    state = decider.evolve(state, (await codec.decode(event)) as Event);
  }
  return { state, revision: recorded.at(-1)?.revision ?? null };
}

/**
 * The one command loop: read → fold → decide → append with the expected revision. The
 * command is built from the current state, so facts that need I/O (a bcrypt comparison)
 * are recomputed on every attempt. Conflicts are retried only when the client sent no
 * revision of its own.
 */
export async function handleCommand<State, Command, Event extends DomainEvent>(
  store: EventStore,
  codec: EventCodec,
  stream: string,
  decider: CommandDecider<State, Command, Event>,
  buildCommand: (state: State) => Command | Promise<Command>,
  options: HandleOptions,
): Promise<HandleResult<State, Event>> {
  const maxAttempts = options.maxAttempts ?? 5;
  for (let attempt = 1; ; attempt++) {
    const { state, revision } = await loadAggregate(store, codec, stream, decider);
    const current = revision ?? 'no_stream';
    if (options.expectedRevision !== undefined && options.expectedRevision !== current) {
      throw new WrongExpectedRevisionError(stream, options.expectedRevision, current);
    }
    const events = decider.decide(await buildCommand(state), state);
    if (events.length === 0) return { state, events, revision, position: null };
    try {
      const appended = await store.append(
        stream,
        await Promise.all(events.map((event) => toStored(codec, event, options.metadata))),
        { expectedRevision: current },
      );
      return {
        state: events.reduce(decider.evolve, state),
        events,
        revision: appended.nextExpectedRevision,
        position: appended.position,
      };
    } catch (error) {
      const retry = options.expectedRevision === undefined && attempt < maxAttempts;
      if (!(error instanceof WrongExpectedRevisionError) || !retry) throw error;
    }
  }
}

async function toStored(codec: EventCodec, event: DomainEvent, metadata: EventMetadata) {
  const encoded = await codec.encode(event);
  return { id: randomUUID(), type: encoded.type, data: encoded.data, metadata };
}
