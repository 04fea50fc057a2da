import { randomUUID } from 'node:crypto';
import type { EventToAppend, RecordedEvent } from '../event-store.port';

/** Stream names are unique per test because an EventStoreDB under test is shared. */
export function uniqueStream(prefix: string): string {
  return `${prefix}-${randomUUID()}`;
}

/** The actor of every event the contract suites write (and nothing else writes). */
export const CONTRACT_ACTOR_ID = 'event-store-contract';

/** Event ids are UUIDs: EventStoreDB accepts nothing else. */
export function anEvent(
  type = 'SomethingHappened',
  data: Record<string, unknown> = {},
): EventToAppend {
  return {
    id: randomUUID(),
    type,
    data,
    metadata: {
      correlationId: randomUUID(),
      causationId: randomUUID(),
      actor: { type: 'system', id: CONTRACT_ACTOR_ID },
    },
  };
}

export function someEvents(count: number, type = 'SomethingHappened'): EventToAppend[] {
  return Array.from({ length: count }, (_, index) => anEvent(type, { index }));
}

/** Keeps only the given streams' events: other writers may share the store. */
export function inStreams(events: readonly RecordedEvent[], ...streams: string[]): RecordedEvent[] {
  return events.filter((event) => streams.includes(event.stream));
}

export function idsOf(events: readonly { readonly id: string }[]): string[] {
  return events.map((event) => event.id);
}

export function isStrictlyIncreasing(positions: readonly bigint[]): boolean {
  return positions.every(
    (position, index) => index === 0 || position > (positions[index - 1] ?? position),
  );
}
