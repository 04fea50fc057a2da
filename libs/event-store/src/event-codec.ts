import type { RecordedEvent } from './event-store.port';

/** A domain event as deciders see it: plaintext, no metadata. */
export interface DomainEvent {
  readonly type: string;
  readonly data: Readonly<Record<string, unknown>>;
}

/** Turns domain events into what is stored and back (e.g. encrypting personal fields). */
export interface EventCodec {
  encode(event: DomainEvent): Promise<DomainEvent>;
  decode(event: RecordedEvent): Promise<DomainEvent>;
}

export const EVENT_CODEC = Symbol('EVENT_CODEC');
