/** An event or a command: a readonly `{ type, data }` pair, never a class. */
export type Message<Type extends string = string, Data = unknown> = {
  readonly type: Type;
  readonly data: Readonly<Data>;
};

/** A pure aggregate: decide what happens, evolve state from what happened. */
export interface Decider<State, Command extends Message, Event extends Message> {
  readonly initialState: () => State;
  readonly evolve: (state: State, event: Event) => State;
  /** Returns the events a command produces; an empty array when it changes nothing. */
  readonly decide: (command: Command, state: State) => readonly Event[];
}

export function foldEvents<State, Event extends Message>(
  decider: Pick<Decider<State, Message, Event>, 'initialState' | 'evolve'>,
  events: readonly Event[],
): State {
  return events.reduce(decider.evolve, decider.initialState());
}

/** Compile-time proof that a switch handled every case. */
export function assertNever(value: never): never {
  throw new Error(`unhandled case: ${JSON.stringify(value)}`);
}
